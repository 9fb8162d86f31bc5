#include "ledger/money.hpp"

#include <array>
#include <limits>
#include <stdexcept>

namespace samaki::ledger {

namespace {

// The currencies we support. Exponents are ISO 4217. Cash units are the smallest step a group counts in
// cash and are only the default rounding for share-outs (a group may set its own):
//   KHR: 100 riel = 10000 minor (product.md's default);
//   USD: 1 dollar = 100 minor (operations.md: "cash unit 100 riel (1 for USD)");
//   THB: 1 satang (exact; a group wanting 25 satang steps sets its own);
//   VND: 1000 dong.
// Codes are matched exactly, upper case only, as the API spells them.
constexpr std::array<currency_info, 4> currencies{{
    {"KHR", 2, 10000},
    {"USD", 2, 100},
    {"THB", 2, 1},
    {"VND", 0, 1000},
}};

// 10^e fits in int64 for e <= 18; a larger exponent is not a currency we could hold.
constexpr int max_exponent = 18;

constexpr std::uint64_t pow10(int e) {
  std::uint64_t p = 1;
  for (int i = 0; i < e; ++i) p *= 10;
  return p;
}

// The text for an error message: at most 40 bytes, and anything but printable ASCII as \xNN so a
// hostile body cannot put control bytes or broken UTF-8 into our messages and logs.
std::string quote(std::string_view text) {
  constexpr std::size_t limit = 40;
  constexpr char hex[] = "0123456789abcdef";
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size() && i < limit; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xf];
    }
  }
  if (text.size() > limit) out += "...";
  out += '"';
  return out;
}

error bad_amount(std::string_view text, const currency_info& currency, std::string_view why) {
  return error(
      errc::invalid_amount,
      "invalid amount " + quote(text) + " for " + std::string(currency.code) + ": " + std::string(why),
      {{"currency", std::string(currency.code)}});
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<currency_info> find_currency(std::string_view code) {
  for (const auto& c : currencies) {
    if (c.code == code) return c;
  }
  return std::nullopt;
}

// Leading zeros ("007", "-000.50") are accepted: they are unambiguous in base 10 and change nothing.
result<std::int64_t> parse_amount(std::string_view text, const currency_info& currency) {
  if (currency.exponent < 0 || currency.exponent > max_exponent) {
    return bad_amount(text, currency, "the currency's exponent is out of range");
  }
  if (text.empty()) return bad_amount(text, currency, "empty");

  std::size_t pos = 0;
  const bool negative = text[0] == '-';
  if (negative) ++pos;

  const std::size_t int_begin = pos;
  while (pos < text.size() && is_digit(text[pos])) ++pos;
  const std::string_view int_digits = text.substr(int_begin, pos - int_begin);

  std::string_view frac_digits;
  bool has_point = false;
  if (pos < text.size() && text[pos] == '.') {
    has_point = true;
    const std::size_t frac_begin = ++pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    frac_digits = text.substr(frac_begin, pos - frac_begin);
  }

  if (pos != text.size()) {
    return bad_amount(text, currency, "only digits, one '.' and a leading '-' are allowed");
  }
  if (int_digits.empty()) return bad_amount(text, currency, "a digit is required before any '.'");
  if (has_point && frac_digits.empty()) return bad_amount(text, currency, "a digit is required after '.'");
  if (frac_digits.size() > static_cast<std::size_t>(currency.exponent)) {
    return bad_amount(text, currency,
                      "more than " + std::to_string(currency.exponent) + " fraction digits (never rounded)");
  }

  // The magnitude in minor units, unsigned so that 2^63 (the magnitude of INT64_MIN) is representable.
  std::uint64_t magnitude = 0;
  bool overflow = false;
  const auto push_digit = [&](char c) {
    overflow |= __builtin_mul_overflow(magnitude, std::uint64_t{10}, &magnitude);
    overflow |= __builtin_add_overflow(magnitude, static_cast<std::uint64_t>(c - '0'), &magnitude);
  };
  for (char c : int_digits) push_digit(c);
  for (char c : frac_digits) push_digit(c);
  const int missing = currency.exponent - static_cast<int>(frac_digits.size());
  overflow |= __builtin_mul_overflow(magnitude, pow10(missing), &magnitude);

  constexpr auto max_positive = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  const std::uint64_t limit = negative ? max_positive + 1 : max_positive;
  if (overflow || magnitude > limit) return bad_amount(text, currency, "out of the 64-bit range");

  if (!negative) return static_cast<std::int64_t>(magnitude);
  if (magnitude == max_positive + 1) return std::numeric_limits<std::int64_t>::min();
  return -static_cast<std::int64_t>(magnitude);
}

std::string format_amount(std::int64_t minor, const currency_info& currency) {
  if (currency.exponent < 0 || currency.exponent > max_exponent) {
    throw std::invalid_argument("format_amount: exponent out of range for " + std::string(currency.code));
  }
  // Unsigned negation is well defined for INT64_MIN.
  const std::uint64_t magnitude =
      minor < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
  const std::uint64_t scale = pow10(currency.exponent);

  std::string out;
  if (minor < 0) out += '-';
  out += std::to_string(magnitude / scale);
  if (currency.exponent > 0) {
    std::string frac = std::to_string(magnitude % scale);
    out += '.';
    out.append(static_cast<std::size_t>(currency.exponent) - frac.size(), '0');
    out += frac;
  }
  return out;
}

std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
  return r;
}

std::optional<std::int64_t> checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
  return r;
}

std::optional<iso_currency> iso_currency::find(std::string_view code) {
  for (const auto& c : currencies)
    if (c.code == code) return iso_currency(&c);
  return std::nullopt;
}

result<iso_currency> iso_currency::parse(std::string_view code, std::string_view field) {
  if (auto c = find(code)) return *c;
  return error(errc::bad_request, "unsupported currency " + quote(code) + " (KHR, USD, THB or VND)",
               {{"field", std::string(field)}});
}

iso_currency iso_currency::of_stored(std::string_view code) {
  if (auto c = find(code)) return *c;
  throw std::logic_error("the database holds an unknown currency " + quote(code));
}

const currency_info& iso_currency::info() const {
  if (!info_) throw std::logic_error("no currency");
  return *info_;
}

int iso_currency::exponent() const {
  return info().exponent;
}

std::int64_t iso_currency::cash_unit() const {
  return info().cash_unit;
}

result<money> money::parse(std::string_view text, iso_currency currency) {
  if (!currency.valid()) return error(errc::currency_mismatch, "an amount needs a currency");
  auto minor = parse_amount(text, currency.info());
  if (!minor) return minor.error();
  return money(*minor, currency);
}

std::string money::amount_text() const {
  return format_amount(minor_, currency_.info());
}

namespace {

result<money> combine(const money& a, const money& b, bool subtracting) {
  const char* verb = subtracting ? "subtract" : "add";
  if (!(a.currency() == b.currency()) || !a.currency().valid()) {
    return error(
        errc::currency_mismatch,
        std::string("cannot ") + verb + " amounts in " + std::string(a.currency_code()) + " and " +
            std::string(b.currency_code()),
        {{"currency", std::string(a.currency_code())}, {"other_currency", std::string(b.currency_code())}});
  }
  const auto r = subtracting ? checked_sub(a.minor(), b.minor()) : checked_add(a.minor(), b.minor());
  if (!r) {
    return error(errc::invalid_amount,
                 std::string(a.currency_code()) + " amount out of the 64-bit range: " + a.amount_text() +
                     (subtracting ? " - " : " + ") + b.amount_text(),
                 {{"currency", std::string(a.currency_code())}});
  }
  return money{*r, a.currency()};
}

}  // namespace

result<money> add(const money& a, const money& b) {
  return combine(a, b, false);
}

result<money> subtract(const money& a, const money& b) {
  return combine(a, b, true);
}

money plus(const money& a, const money& b) {
  return add(a, b).value();
}

money minus(const money& a, const money& b) {
  return subtract(a, b).value();
}

result<money> negate(const money& a) {
  return subtract(money::zero(a.currency()), a);
}

std::strong_ordering compare(const money& a, const money& b) {
  if (!(a.currency() == b.currency())) throw std::logic_error("comparing amounts of two currencies");
  return a.minor() <=> b.minor();
}

}  // namespace samaki::ledger
