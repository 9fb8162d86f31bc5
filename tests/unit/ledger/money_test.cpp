#include "ledger/money.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <random>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

using namespace samaki::ledger;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

currency_info currency(std::string_view code) {
  const auto c = find_currency(code);
  REQUIRE(c.has_value());
  return *c;
}

// The error of a failed result. Taken through value()'s exception because boost 1.81's result::error()
// needs a default-constructible error type, which ledger::error is not.
template <class T>
error error_of(const result<T>& r) {
  REQUIRE(r.has_error());
  try {
    (void)r.value();
  } catch (const error_exception& e) {
    return e.err;
  }
  FAIL("value() of a failed result did not throw");
  return error(errc::internal, "unreachable");
}

// Parses and requires success.
std::int64_t parsed(std::string_view text, std::string_view code) {
  const auto r = parse_amount(text, currency(code));
  INFO("text: \"" << std::string(text) << "\" " << std::string(code));
  REQUIRE(r.has_value());
  return *r;
}

// Parses, requires an invalid_amount failure and returns its message.
std::string rejected(std::string_view text, std::string_view code) {
  const auto r = parse_amount(text, currency(code));
  INFO("text: \"" << std::string(text) << "\" " << std::string(code));
  const auto e = error_of(r);
  CHECK(e.code == errc::invalid_amount);
  return e.message;
}

const std::vector<std::string_view> all_codes{"KHR", "USD", "THB", "VND"};

}  // namespace

TEST_CASE("find_currency knows KHR, USD, THB and VND only", "[money]") {
  CHECK(currency("KHR").exponent == 2);
  CHECK(currency("KHR").cash_unit == 10000);  // 100 riel
  CHECK(currency("USD").exponent == 2);
  CHECK(currency("USD").cash_unit == 100);  // one dollar (operations.md)
  CHECK(currency("THB").exponent == 2);
  CHECK(currency("THB").cash_unit == 1);
  CHECK(currency("VND").exponent == 0);
  CHECK(currency("VND").cash_unit == 1000);
  CHECK(currency("KHR").code == "KHR");

  for (std::string_view code : {"", "EUR", "khr", "Khr", "KHR ", " KHR", "KH", "KHRR", "XXX"}) {
    INFO("code: \"" << std::string(code) << '"');
    CHECK_FALSE(find_currency(code).has_value());
  }
}

TEST_CASE("parse_amount accepts plain decimals in major units", "[money]") {
  CHECK(parsed("5000", "KHR") == 500000);
  CHECK(parsed("12.50", "KHR") == 1250);
  CHECK(parsed("12.5", "KHR") == 1250);  // fewer fraction digits than the exponent is exact
  CHECK(parsed("12.05", "USD") == 1205);
  CHECK(parsed("-300", "KHR") == -30000);
  CHECK(parsed("-0.05", "USD") == -5);
  CHECK(parsed("0.01", "THB") == 1);
  CHECK(parsed("0", "KHR") == 0);
  CHECK(parsed("0.0", "KHR") == 0);
  CHECK(parsed("0.00", "KHR") == 0);
  CHECK(parsed("5000", "VND") == 5000);
  CHECK(parsed("-300", "VND") == -300);
  CHECK(parsed("1", "VND") == 1);
}

TEST_CASE("parse_amount accepts leading zeros and negative zero", "[money]") {
  CHECK(parsed("007", "KHR") == 700);
  CHECK(parsed("007", "VND") == 7);
  CHECK(parsed("00.50", "USD") == 50);
  CHECK(parsed("-000.50", "USD") == -50);
  CHECK(parsed("0000000000000000000000000000000000000001", "KHR") == 100);
  CHECK(parsed("-0000000000000000000000000009223372036854775808", "VND") == int64_min);
  CHECK(parsed("-0", "KHR") == 0);
  CHECK(parsed("-0.00", "KHR") == 0);
  CHECK(parsed("-0", "VND") == 0);
}

TEST_CASE("parse_amount rejects every malformed form", "[money]") {
  const auto reject_all = [](std::initializer_list<std::string_view> texts) {
    for (auto text : texts) {
      for (auto code : all_codes) rejected(text, code);
    }
  };
  SECTION("empty and signs") {
    reject_all({"", "-", "+5", "--5", "-+5", "+-5", "5-", "-5-", "1-2", "+0"});
  }
  SECTION("white space") {
    reject_all({" 5", "5 ", "\t5", "5\n", "1 000", "- 5", "5\r"});
  }
  SECTION("exponents, hex and words") {
    reject_all({"1e3", "1E3", "1e-2", "0x10", "inf", "-inf", "nan", "NaN", "five", "5a", "a5"});
  }
  SECTION("misplaced points") {
    reject_all({".", "-.", ".5", "-.5", "5.", "-5.", "1..2", "1.2.3", "5.-1"});
  }
  SECTION("separators and symbols") {
    reject_all({"1,000", "1,5", "1_000", "1'000", "$5", "5$", "5%", "5៛"});
  }
  SECTION("digits that are not ASCII and broken UTF-8") {
    // Arabic-Indic and Khmer digits, a full-width 5, a vulgar fraction, stray bytes, a zero-width space.
    reject_all({"١٢", "១២", "５", "½", "\xff", "5\xc2", "12.5\xe2\x80\x8b"});
  }
  SECTION("an embedded NUL does not end the number early") {
    using namespace std::string_view_literals;
    reject_all({"5\0"sv, "\0005"sv, "1\0.5"sv});
  }
}

TEST_CASE("parse_amount never rounds extra fraction digits", "[money]") {
  rejected("12.345", "KHR");
  rejected("0.999", "USD");
  rejected("0.001", "THB");
  rejected("12.500", "KHR");  // even when the extra digit is zero
  rejected("1.5", "VND");
  rejected("1.0", "VND");
  rejected("1.", "VND");
  rejected("-0.0", "VND");
}

TEST_CASE("parse_amount error messages name the text and the currency", "[money]") {
  auto msg = rejected("12.345", "KHR");
  CHECK_THAT(msg, Catch::Contains("\"12.345\"") && Catch::Contains("KHR") && Catch::Contains("fraction"));
  msg = rejected("1e3", "USD");
  CHECK_THAT(msg, Catch::Contains("\"1e3\"") && Catch::Contains("USD"));
  msg = rejected("", "KHR");
  CHECK_THAT(msg, Catch::Contains("\"\"") && Catch::Contains("empty"));
  msg = rejected("9223372036854775808", "VND");
  CHECK_THAT(msg, Catch::Contains("9223372036854775808") && Catch::Contains("range"));

  // Control bytes and non-ASCII are escaped, and long input is cut short.
  msg = rejected("5\n\"x", "KHR");
  CHECK_THAT(msg, Catch::Contains("\"5\\x0a\\x22x\""));
  CHECK(msg.find('\n') == std::string::npos);
  msg = rejected(std::string(10000, '9') + "x", "KHR");
  CHECK(msg.size() < 200);
  CHECK_THAT(msg, Catch::Contains("..."));
}

TEST_CASE("parse_amount holds exactly the int64 range of minor units", "[money]") {
  SECTION("exponent 2") {
    CHECK(parsed("92233720368547758.07", "KHR") == int64_max);
    CHECK(parsed("-92233720368547758.08", "KHR") == int64_min);
    CHECK(parsed("92233720368547758", "KHR") == 9223372036854775800);
    CHECK(parsed("92233720368547758.0", "KHR") == 9223372036854775800);
    CHECK(parsed("-92233720368547758.0", "KHR") == -9223372036854775800);
    rejected("92233720368547758.08", "KHR");
    rejected("-92233720368547758.09", "KHR");
    rejected("92233720368547758.1", "KHR");  // scaling the short fraction overflows
    rejected("-92233720368547758.1", "KHR");
    rejected("92233720368547759", "KHR");      // scaling the integer part overflows
    rejected("184467440737095516.16", "KHR");  // 2^64 minor: must not wrap to 0
    rejected("184467440737095516.15", "KHR");  // 2^64 - 1 minor
    rejected("-184467440737095516.16", "KHR");
    rejected("99999999999999999999999999999999.99", "USD");
  }
  SECTION("exponent 0") {
    CHECK(parsed("9223372036854775807", "VND") == int64_max);
    CHECK(parsed("-9223372036854775808", "VND") == int64_min);
    rejected("9223372036854775808", "VND");
    rejected("-9223372036854775809", "VND");
    rejected("18446744073709551615", "VND");  // 2^64 - 1
    rejected("18446744073709551616", "VND");  // 2^64: must not wrap to 0
    rejected("-18446744073709551616", "VND");
    rejected("36893488147419103232", "VND");  // 2^65
    rejected(std::string(400, '9'), "VND");
  }
}

TEST_CASE("format_amount writes every fraction digit", "[money]") {
  CHECK(format_amount(1250, currency("KHR")) == "12.50");
  CHECK(format_amount(-300, currency("KHR")) == "-3.00");
  CHECK(format_amount(-5, currency("USD")) == "-0.05");
  CHECK(format_amount(5, currency("USD")) == "0.05");
  CHECK(format_amount(-50, currency("USD")) == "-0.50");
  CHECK(format_amount(0, currency("KHR")) == "0.00");
  CHECK(format_amount(100, currency("THB")) == "1.00");
  CHECK(format_amount(500000, currency("KHR")) == "5000.00");
  CHECK(format_amount(5000, currency("VND")) == "5000");
  CHECK(format_amount(-300, currency("VND")) == "-300");
  CHECK(format_amount(0, currency("VND")) == "0");
  CHECK(format_amount(int64_max, currency("KHR")) == "92233720368547758.07");
  CHECK(format_amount(int64_min, currency("KHR")) == "-92233720368547758.08");
  CHECK(format_amount(int64_max, currency("VND")) == "9223372036854775807");
  CHECK(format_amount(int64_min, currency("VND")) == "-9223372036854775808");
}

TEST_CASE("parse_amount(format_amount(x)) == x at the edges", "[money]") {
  const std::vector<std::int64_t> edges{0,
                                        1,
                                        -1,
                                        9,
                                        -9,
                                        10,
                                        -10,
                                        99,
                                        -99,
                                        100,
                                        -100,
                                        101,
                                        -101,
                                        int64_max,
                                        int64_min,
                                        int64_max - 1,
                                        int64_min + 1,
                                        1000000007,
                                        -1000000007};
  for (auto code : all_codes) {
    const auto c = currency(code);
    for (auto x : edges) {
      INFO(std::string(code) << ' ' << x);
      const auto text = format_amount(x, c);
      const auto back = parse_amount(text, c);
      REQUIRE(back.has_value());
      CHECK(*back == x);
    }
  }
}

TEST_CASE("parse_amount(format_amount(x)) == x over random int64", "[money]") {
  std::mt19937_64 rng(20240601);
  // Uniform over the bit length too, so small and middling amounts are as well covered as huge ones.
  std::uniform_int_distribution<int> bits(0, 63);
  for (auto code : all_codes) {
    const auto c = currency(code);
    for (int i = 0; i < 50000; ++i) {
      const std::uint64_t raw = rng();
      const int b = bits(rng);
      const std::uint64_t masked = b == 63 ? raw : raw & ((std::uint64_t{1} << b) - 1);
      const auto x = static_cast<std::int64_t>(i % 2 == 0 ? masked : raw);
      const auto text = format_amount(x, c);
      const auto back = parse_amount(text, c);
      if (!back.has_value() || *back != x) {
        FAIL(std::string(code) << ' ' << x << " -> " << text);
      }
    }
  }
}

TEST_CASE("parse_amount agrees with a regular expression on random short strings", "[money]") {
  // Short strings over the characters that matter, checked against an independent description of the
  // grammar; accepted ones must format back to their canonical spelling.
  std::mt19937_64 rng(7);
  const std::string alphabet = "0123456789012345.-+e ";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 8);
  int accepted = 0;
  for (auto code : all_codes) {
    const auto c = currency(code);
    const std::regex grammar(c.exponent == 0 ? std::string("-?[0-9]+")
                                             : "-?[0-9]+(\\.[0-9]{1," + std::to_string(c.exponent) + "})?");
    for (int i = 0; i < 20000; ++i) {
      std::string text;
      for (int n = length(rng); n > 0; --n) text += alphabet[pick(rng)];
      const auto r = parse_amount(text, c);
      const bool expected = std::regex_match(text, grammar);
      INFO(std::string(code) << " \"" << text << '"');
      REQUIRE(r.has_value() == expected);
      if (!expected) continue;
      ++accepted;
      // Canonical spelling: no leading zeros, all fraction digits, no sign on zero.
      const bool negative = text[0] == '-';
      std::string digits = text.substr(negative ? 1 : 0);
      const auto point = digits.find('.');
      std::string int_part = digits.substr(0, point);
      std::string frac = point == std::string::npos ? "" : digits.substr(point + 1);
      frac.append(static_cast<std::size_t>(c.exponent) - frac.size(), '0');
      int_part.erase(0, std::min(int_part.find_first_not_of('0'), int_part.size() - 1));
      const bool zero = int_part == "0" && frac.find_first_not_of('0') == std::string::npos;
      const std::string canonical =
          (negative && !zero ? "-" : "") + int_part + (frac.empty() ? "" : "." + frac);
      CHECK(format_amount(*r, c) == canonical);
    }
  }
  CHECK(accepted > 1000);  // the generator really exercises the accepting path
}

TEST_CASE("checked_add and checked_sub refuse int64 overflow", "[money]") {
  CHECK(checked_add(1, 2) == 3);
  CHECK(checked_add(int64_max, 0) == int64_max);
  CHECK(checked_add(int64_max - 1, 1) == int64_max);
  CHECK_FALSE(checked_add(int64_max, 1).has_value());
  CHECK_FALSE(checked_add(1, int64_max).has_value());
  CHECK_FALSE(checked_add(int64_max, int64_max).has_value());
  CHECK(checked_add(int64_min, 0) == int64_min);
  CHECK(checked_add(int64_min + 1, -1) == int64_min);
  CHECK_FALSE(checked_add(int64_min, -1).has_value());
  CHECK_FALSE(checked_add(int64_min, int64_min).has_value());
  CHECK(checked_add(int64_min, int64_max) == -1);
  CHECK(checked_add(int64_max, int64_min) == -1);

  CHECK(checked_sub(5, 7) == -2);
  CHECK(checked_sub(int64_min, 0) == int64_min);
  CHECK(checked_sub(int64_min + 1, 1) == int64_min);
  CHECK_FALSE(checked_sub(int64_min, 1).has_value());
  CHECK_FALSE(checked_sub(0, int64_min).has_value());  // -INT64_MIN does not exist
  CHECK(checked_sub(-1, int64_min) == int64_max);
  CHECK(checked_sub(int64_min, int64_min) == 0);
  CHECK(checked_sub(int64_max, int64_max) == 0);
  CHECK(checked_sub(int64_max - 1, -1) == int64_max);
  CHECK_FALSE(checked_sub(int64_max, -1).has_value());
  CHECK_FALSE(checked_sub(int64_max, int64_min).has_value());
  CHECK(checked_sub(0, int64_max) == int64_min + 1);
}

TEST_CASE("money add and subtract keep the currency and refuse mixing or overflow", "[money]") {
  const auto khr = *iso_currency::find("KHR");
  const auto usd = *iso_currency::find("USD");
  const auto vnd = *iso_currency::find("VND");
  const money a{500000, khr};
  const money b{1250, khr};

  auto sum = add(a, b);
  REQUIRE(sum.has_value());
  CHECK(*sum == money{501250, khr});
  auto diff = subtract(b, a);
  REQUIRE(diff.has_value());
  CHECK(*diff == money{-498750, khr});

  const auto mixed = add(a, money{100, usd});
  CHECK(error_of(mixed).code == errc::currency_mismatch);
  CHECK_THAT(error_of(mixed).message, Catch::Contains("KHR") && Catch::Contains("USD"));
  CHECK(error_of(subtract(a, money{100, usd})).code == errc::currency_mismatch);
  CHECK(error_of(add(a, money{})).code == errc::currency_mismatch);

  const auto too_big = add(money{int64_max, usd}, money{1, usd});
  CHECK(error_of(too_big).code == errc::invalid_amount);
  CHECK_THAT(error_of(too_big).message, Catch::Contains("USD"));
  const auto too_small = subtract(money{int64_min, usd}, money{1, usd});
  CHECK(error_of(too_small).code == errc::invalid_amount);
  CHECK(error_of(negate(money{int64_min, usd})).code == errc::invalid_amount);
  CHECK(negate(money{5, usd})->minor() == -5);

  auto edge = subtract(money{-1, vnd}, money{int64_min, vnd});
  REQUIRE(edge.has_value());
  CHECK(edge->minor() == int64_max);
}

TEST_CASE("currencies are known values: an unknown code is an error, never a default", "[money]") {
  CHECK(iso_currency::find("KHR")->exponent() == 2);
  CHECK(iso_currency::find("VND")->exponent() == 0);
  CHECK_FALSE(iso_currency::find("XYZ").has_value());
  CHECK_FALSE(iso_currency::find("khr").has_value());
  auto unknown = iso_currency::parse("EUR");
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.error().code == errc::bad_request);
  CHECK_THROWS_AS(iso_currency::of_stored("XYZ"), std::logic_error);
  CHECK(iso_currency::find("KHR") == iso_currency::find("KHR"));
  CHECK_FALSE(iso_currency::find("KHR") == iso_currency::find("USD"));
}

TEST_CASE("parsing money names its currency in every refusal", "[money]") {
  const auto khr = *iso_currency::find("KHR");
  auto bad = money::parse("10.123", khr);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == errc::invalid_amount);
  CHECK_THAT(bad.error().message, Catch::Contains("KHR"));
  CHECK(money::parse("12.5", khr)->amount_text() == "12.50");
  CHECK(money::parse("12.5", khr)->minor() == 1250);
}
