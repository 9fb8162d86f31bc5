// The year-end appropriation (ledger/coop/appropriation.hpp) over many made-up cooperatives, up to 1,000
// members and amounts near the int64 limit: whatever the figures, every whole cash unit of the patronage pool
// is given out, each member gets their proportional units rounded down or one more, nobody without business
// gets a refund, the cash part is whole cash units and no more than its percentage, cash plus retained is
// the refund, and what is left is the surplus less the total.
#include "ledger/coop/appropriation.hpp"
#include "ledger/int128.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace samaki::ledger;

namespace {

const iso_currency khr = *iso_currency::find("KHR");

bylaws random_bylaws(std::mt19937_64& random) {
  auto pct = [&](int most) { return *percent::parse(std::to_string(random() % (most + 1))); };
  bylaws b;
  b.reserve = pct(20);
  b.education = pct(10);
  b.dividend_cap = pct(10);
  b.patronage = pct(50);
  b.patronage_cash = pct(100);
  b.cash_unit =
      money(std::int64_t{100} * (1 + static_cast<std::int64_t>(random() % 3) * 4), khr);  // 100, 500, 900
  return b;
}

}  // namespace

TEST_CASE("appropriation: the largest-remainder refunds hold their properties for any cooperative",
          "[coop][appropriation]") {
  std::mt19937_64 random(20251231);
  for (int round = 0; round < 200; ++round) {
    INFO("round " << round);
    const auto members = 1 + static_cast<std::int64_t>(random() % 1000);
    // Small books and books near the limit of 64 bits, where the products need 128.
    const std::int64_t scale = round % 4 == 3 ? std::int64_t{1} << 50 : 100000000;
    year_figures year;
    year.year = 2025;
    year.surplus =
        money(1 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(scale)) * 8, khr);
    for (std::int64_t id = 1; id <= members; ++id) {
      if (random() % 5 != 0) year.business[id] = static_cast<std::int64_t>(random() % (scale / members + 1));
      if (random() % 3 != 0) year.share_capital[id] = static_cast<std::int64_t>(random() % 1000000) * 100;
    }
    const auto rules = random_bylaws(random);
    // At most 20 + 10 + 50 % of the surplus and no dividend: never more than the surplus.
    auto sheet = appropriate(year, rules, *percent::parse("0"));
    REQUIRE(sheet.has_value());
    const auto unit = rules.cash_unit.minor();
    const auto units = sheet->patronage_pool.minor() / unit;
    int128 weight = 0;
    for (const auto& [id, amount] : year.business)
      if (amount > 0) weight += amount;
    std::int64_t given = 0;
    for (const auto& m : sheet->members) {
      INFO("member " << m.member.value);
      const auto refund = m.refund.minor();
      CHECK(refund % unit == 0);
      const int128 business = m.business.minor();
      if (business == 0) CHECK(refund == 0);
      if (weight > 0) {
        const auto floor_units = static_cast<std::int64_t>(int128(units) * business / weight);
        CHECK(refund / unit >= floor_units);
        CHECK(refund / unit <= floor_units + 1);
      }
      CHECK(m.refund_cash.minor() % unit == 0);
      CHECK(int128(m.refund_cash.minor()) * 100 <= int128(refund) * std::stoll(rules.patronage_cash.text()));
      CHECK(m.refund_cash.minor() + m.refund_retained.minor() == refund);
      given += refund;
    }
    CHECK(given == (weight > 0 ? units * unit : 0));
    CHECK(sheet->refunds.minor() == given);
    CHECK(sheet->total.minor() <= sheet->surplus.minor());
    CHECK(sheet->left_over.minor() == sheet->surplus.minor() - sheet->total.minor());
  }
}
