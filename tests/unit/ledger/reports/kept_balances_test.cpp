// The balances kept when a period closes (period_balances) are the balances of its last day, and reports
// that read them instead of the lines give what the lines give: at the close, a year after a closed year, a
// first year with nothing before it; not once the period is reopened and changed, nor with entries between
// the close and the day asked. Verify checks them against the lines.
#include "ledger/groups/registry.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/store/report_reads.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/write_context.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <catch2/catch.hpp>

using namespace samaki;
using namespace samaki::ledger;
using namespace samaki::test;

namespace {

// Zero nets left out: a key the lines moved back to zero is no balance.
account_nets nonzero(account_nets nets) {
  std::erase_if(nets, [](const auto& kv) { return kv.second == 0; });
  return nets;
}

// Every line dated on or before `to` (from `from` when given), summed: what the kept balances must equal.
account_nets summed(sqlite::connection& db, group_id g, std::optional<calendar_date> from, calendar_date to,
                    bool without_closing = false) {
  return nonzero(movements(db, g, from, to, without_closing));
}

std::int64_t kept_rows(sqlite::connection& db) {
  return query_int(db, "SELECT count(*) FROM period_balances");
}

}  // namespace

TEST_CASE("balances kept at a close are the day's balances and stand in for the lines", "[reports][kept]") {
  ledger_fixture f;
  const auto g = f.coop.id;
  const auto vanna = f.coop_members[0], sophea = f.coop_members[1];
  {
    // A first year with nothing before it: the opening is known without reading anything.
    auto r = f.reader();
    auto opening = kept_nets_through(r->db(), g, day("2023-12-31"));
    REQUIRE(opening.has_value());
    CHECK(opening->empty());
  }
  f.must_post(make_posting(g, "2024-02-01", {debit("1010", "500000"), credit("3010", "500000", vanna)}));
  f.must_post(make_posting(g, "2024-05-01", {debit("1010", "80000"), credit("4030", "80000")}));
  f.must_post(make_posting(g, "2024-07-01", {debit("5040", "30000"), credit("1010", "30000")}));
  REQUIRE(close_through(*f.db, g, "2024-12-31").has_value());
  f.must_post(make_posting(g, "2025-01-15", {debit("1010", "200000"), credit("3010", "200000", sophea)}));
  f.must_post(make_posting(g, "2025-03-01", {debit("1010", "90000"), credit("4030", "90000")}));
  REQUIRE(close_through(*f.db, g, "2025-12-31").has_value());
  f.must_post(make_posting(g, "2026-01-05", {debit("1010", "7000"), credit("4030", "7000")}));
  const auto first = day("2025-01-01"), last = day("2025-12-31");
  {
    auto r = f.reader();
    auto& db = r->db();
    CHECK(kept_rows(db) > 0);
    // At each close: the kept balances are the lines summed through its day.
    for (const auto* through : {"2024-12-31", "2025-12-31"}) {
      INFO(through);
      auto kept = kept_nets_through(db, g, day(through));
      REQUIRE(kept.has_value());
      CHECK(*kept == summed(db, g, std::nullopt, day(through)));
    }
    // A day with entries between the last close and it has no kept balances; nets_through still agrees.
    CHECK_FALSE(kept_nets_through(db, g, day("2025-06-30")).has_value());
    CHECK(nonzero(nets_through(db, g, day("2025-06-30"))) == summed(db, g, std::nullopt, day("2025-06-30")));
    // A day after the close with nothing dated between: the close's balances.
    CHECK(kept_nets_through(db, g, day("2025-01-10")) == kept_nets_through(db, g, day("2024-12-31")));

    // The year with its ends, from the kept balances, is what the lines give.
    auto year = read_range_with_ends(db, g, first, last);
    CHECK(nonzero(year.opening) == summed(db, g, std::nullopt, day("2024-12-31")));
    CHECK(nonzero(year.closing) == summed(db, g, std::nullopt, last));
    CHECK(nonzero(year.moved.all) == summed(db, g, first, last));
    CHECK(nonzero(year.moved.without_closing()) == summed(db, g, first, last, true));
    CHECK(nonzero(nets_before(db, g, first)) == summed(db, g, std::nullopt, day("2024-12-31")));
  }

  // Reopened, 2025 takes a back-dated entry: its kept balances are no longer read.
  auto periods = load_periods(f.reader()->db(), g);
  REQUIRE(periods.size() == 2);
  period_reopening reopening{g, periods[1].id, "a missed receipt", "tester"};
  REQUIRE(run<period_info>(*f.db, [reopening](write_context& ctx) {
            return reopen_period(ctx, reopening);
          }).has_value());
  f.must_post(make_posting(g, "2025-12-20", {debit("1010", "1234"), credit("4030", "1234")}));
  {
    auto r = f.reader();
    auto& db = r->db();
    CHECK_FALSE(kept_nets_through(db, g, last).has_value());
    CHECK(nonzero(nets_through(db, g, last)) == summed(db, g, std::nullopt, last));
    auto year = read_range_with_ends(db, g, first, last);
    CHECK(nonzero(year.closing) == summed(db, g, std::nullopt, last));
    CHECK(nonzero(year.moved.without_closing()) == summed(db, g, first, last, true));
    // 2024 still stands closed: its balances are still kept and still right.
    CHECK(kept_nets_through(db, g, day("2024-12-31")) == summed(db, g, std::nullopt, day("2024-12-31")));
    CHECK(verify_all(db).ok());
  }
  // A kept balance changed behind the writer's back is what verify reports.
  {
    sqlite::connection db(f.path, sqlite::open_mode::read_write_create);
    db.exec(
        "UPDATE period_balances SET balance = balance + 1 WHERE (period_id, account_id, member_id) IN "
        "(SELECT period_id, account_id, member_id FROM period_balances LIMIT 1)");
  }
  auto r = f.reader();
  auto report = verify_all(r->db());
  CHECK_FALSE(report.ok());
  REQUIRE(report.kept.size() == 1);
  CHECK(report.kept[0].group == g);
  CHECK(report.kept[0].kept - report.kept[0].recomputed == 1);
}
