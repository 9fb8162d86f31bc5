// The year-end appropriation of a cooperative (ledger/coop/appropriation.hpp), worked by hand: percentages
// round down to the minor unit, the patronage pool is split in whole cash units by the largest remainder
// (ties to the lower member id), the cash part of a refund rounds down to a cash unit, and a loss, a dividend
// above the cap or more than the surplus is refused.
#include "ledger/coop/appropriation.hpp"

#include <catch2/catch.hpp>

using namespace samaki::ledger;

namespace {

const iso_currency khr = *iso_currency::find("KHR");

money riel(std::int64_t major) {
  return money(major * 100, khr);
}

bylaws rules(std::string_view reserve, std::string_view education, std::string_view cap,
             std::string_view patronage, std::string_view cash) {
  bylaws b;
  b.reserve = *percent::parse(reserve);
  b.education = *percent::parse(education);
  b.dividend_cap = *percent::parse(cap);
  b.patronage = *percent::parse(patronage);
  b.patronage_cash = *percent::parse(cash);
  b.cash_unit = riel(100);
  return b;
}

const appropriation_member& member(const appropriation_sheet& s, std::int64_t id) {
  for (const auto& m : s.members)
    if (m.member.value == id) return m;
  throw std::logic_error("no such member in the sheet");
}

}  // namespace

TEST_CASE("appropriation: reserve, education, dividends and patronage by the largest remainder",
          "[coop][appropriation]") {
  // S = 1,000,003.33 riel. Reserve 10 % = 100,000.333 -> 100,000.33; education 5 % = 50,000.1665 ->
  // 50,000.16; patronage 30 % = 300,000.999 -> 300,000.99, i.e. 3,000 whole units of 100 riel.
  year_figures year;
  year.year = 2025;
  year.surplus = money(100000333, khr);
  year.share_capital = {{1, 100000 * 100}, {2, 50000 * 100}, {3, 0}};
  // Business 1 : 1 : 1 -> 1,000 units each; members 1 and 2 also hold share capital.
  year.business = {{1, 200000 * 100}, {2, 200000 * 100}, {3, 200000 * 100}};
  auto sheet = appropriate(year, rules("10", "5", "8", "30", "40"), *percent::parse("7.5"));
  REQUIRE(sheet.has_value());
  CHECK(sheet->reserve == money(10000033, khr));
  CHECK(sheet->education == money(5000016, khr));
  CHECK(sheet->patronage_pool == money(30000099, khr));
  // Dividends 7.5 % of 100,000 and of 50,000.
  CHECK(member(*sheet, 1).dividend == riel(7500));
  CHECK(member(*sheet, 2).dividend == riel(3750));
  CHECK(member(*sheet, 3).dividend == riel(0));
  // 3,000 units over three equal weights: 1,000 each; 40 % of 100,000 riel = 40,000 riel in cash.
  for (std::int64_t id : {1, 2, 3}) {
    CHECK(member(*sheet, id).refund == riel(100000));
    CHECK(member(*sheet, id).refund_cash == riel(40000));
    CHECK(member(*sheet, id).refund_retained == riel(60000));
  }
  CHECK(sheet->refunds == riel(300000));
  CHECK(sheet->total == money(10000033 + 5000016 + 750000 + 375000 + 30000000, khr));
  CHECK(sheet->left_over == money(100000333 - sheet->total.minor(), khr));
}

TEST_CASE("appropriation: units left over go to the largest remainders, ties to the lower id",
          "[coop][appropriation]") {
  // Pool 10 % of 1,000 riel = 100 riel... in 100-riel units: S = 10,000 riel, pool 10 % = 1,000 riel = 10
  // units.
  year_figures year;
  year.year = 2025;
  year.surplus = riel(10000);
  // Weights 1 : 1 : 1 -> 10 units: 3 each, one left over, to the lowest id (remainders tie).
  year.business = {{7, 300}, {4, 300}, {9, 300}};
  auto sheet = appropriate(year, rules("0", "0", "0", "10", "50"), percent{});
  REQUIRE(sheet.has_value());
  CHECK(member(*sheet, 4).refund == riel(400));
  CHECK(member(*sheet, 7).refund == riel(300));
  CHECK(member(*sheet, 9).refund == riel(300));
  // Half of 400 = 200 (two units), of 300 = 150 -> rounded down to a unit: 100, the rest retained.
  CHECK(member(*sheet, 4).refund_cash == riel(200));
  CHECK(member(*sheet, 7).refund_cash == riel(100));
  CHECK(member(*sheet, 7).refund_retained == riel(200));
  // Weights 2 : 1 of 10 units: 6.67 and 3.33 -> 6 and 3, the unit left to the larger remainder (0.67).
  year.business = {{1, 2000}, {2, 1000}};
  sheet = appropriate(year, rules("0", "0", "0", "10", "0"), percent{});
  REQUIRE(sheet.has_value());
  CHECK(member(*sheet, 1).refund == riel(700));
  CHECK(member(*sheet, 2).refund == riel(300));
  CHECK(member(*sheet, 2).refund_cash == riel(0));
}

TEST_CASE("appropriation: refused for a loss, a dividend above the cap, or more than the surplus",
          "[coop][appropriation]") {
  year_figures year;
  year.year = 2025;
  year.surplus = riel(-5000);
  year.share_capital = {{1, 1000000 * 100}};
  auto loss = appropriate(year, rules("10", "0", "10", "0", "0"), percent{});
  REQUIRE_FALSE(loss.has_value());
  CHECK(loss.error().code == errc::insufficient_funds);
  year.surplus = riel(0);
  CHECK(appropriate(year, rules("10", "0", "10", "0", "0"), percent{}).error().code ==
        errc::insufficient_funds);

  year.surplus = riel(100000);
  auto capped = appropriate(year, rules("10", "0", "5", "0", "0"), *percent::parse("5.01"));
  REQUIRE_FALSE(capped.has_value());
  CHECK(capped.error().code == errc::limit_exceeded);
  // A dividend of 5 % on 1,000,000 riel is 50,000: with 60 % to the reserve, 110,000 > 100,000.
  auto over = appropriate(year, rules("60", "0", "5", "0", "0"), *percent::parse("5"));
  REQUIRE_FALSE(over.has_value());
  CHECK(over.error().code == errc::insufficient_funds);
  auto fits = appropriate(year, rules("50", "0", "5", "0", "0"), *percent::parse("5"));
  REQUIRE(fits.has_value());
  CHECK(fits->left_over == riel(0));
}

TEST_CASE("appropriation: the same figures whatever order the members come in", "[coop][appropriation]") {
  year_figures a, b;
  a.year = b.year = 2025;
  a.surplus = b.surplus = money(123456789, khr);
  for (std::int64_t id = 1; id <= 60; ++id) {
    a.business[id] = id * 7919 % 1000 * 100;
    a.share_capital[id] = id * 100000;
  }
  for (auto it = a.business.rbegin(); it != a.business.rend(); ++it)
    b.business.emplace(it->first, it->second);
  b.share_capital = a.share_capital;
  auto x = appropriate(a, rules("10", "5", "10", "20", "50"), *percent::parse("3"));
  auto y = appropriate(b, rules("10", "5", "10", "20", "50"), *percent::parse("3"));
  REQUIRE(x.has_value());
  REQUIRE(y.has_value());
  std::int64_t refunds = 0;
  for (std::size_t i = 0; i < x->members.size(); ++i) {
    CHECK(x->members[i].refund == y->members[i].refund);
    CHECK(x->members[i].refund.minor() % 10000 == 0);
    refunds += x->members[i].refund.minor();
  }
  // Every whole unit of the pool is given out.
  CHECK(refunds == x->patronage_pool.minor() / 10000 * 10000);
}
