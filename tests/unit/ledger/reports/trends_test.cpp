// The series of the trends report against the hand-worked year of report_scenario.hpp: income and expenses
// by month (a closing entry left out), the loan fund at meeting days from the grouped daily read, PAR30 at
// month ends from loans held in memory, and the months of a range.
#include "ledger/reports/trends.hpp"
#include "ledger/store/rows.hpp"
#include "tests/unit/ledger/reports/report_scenario.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

const iso_currency khr = *iso_currency::find("KHR");

// "from..to income expenses par30" per month, for comparisons that print readably.
std::vector<std::string> months_text(const trends& t) {
  std::vector<std::string> out;
  for (const auto& m : t.months)
    out.push_back(m.from.to_string() + ".." + m.to.to_string() + " " + m.income.amount_text() + " " +
                  m.expenses.amount_text() + " " + m.par30.value_or("-"));
  return out;
}

trends trends_of(ledger_fixture& f, group_id group, std::string from, std::string to) {
  auto r = f.reader();
  auto range = trends_range(day(from), day(to), day(to));
  REQUIRE(range.has_value());
  auto t = read_trends(r->db(), group, *range, std::nullopt);
  REQUIRE(t.has_value());
  return *t;
}

loan_record loan(std::int64_t id, std::int64_t cycle, std::string_view disbursed, std::int64_t principal) {
  loan_terms terms{money(principal, khr), day(disbursed), 1, *monthly_rate::parse("2"),
                   interest_method::flat};
  return loan_record{loan_id{id}, group_id{1}, member_id{id}, cycle_id{cycle}, operation_id{id}, terms,
                     "",          {}};
}

cycle_info cycle(std::int64_t id, std::string_view start) {
  cycle_info c;
  c.id = cycle_id{id};
  c.start = day(start);
  return c;
}

}  // namespace

TEST_CASE("trends: income and expenses by month, a closing entry left out", "[reports][trends]") {
  ledger_fixture f;
  post_savings_year(f);
  close_year(f, f.savings.id, "2025-12-31");
  auto t = trends_of(f, f.savings.id, "2025-01-15", "2025-04-30");
  CHECK(months_text(t) ==
        std::vector<std::string>{
            "2025-01-15..2025-01-31 0.00 0.00 -",  // the shares are not income; no cycle: no PAR30
            "2025-02-01..2025-02-28 0.00 0.00 -",
            "2025-03-01..2025-03-31 1100.00 0.00 -",  // interest 600 and a fine 500
            "2025-04-01..2025-04-30 0.00 1200.00 -",  // stationery
        });
  // December holds the closing entry, which moves income and expenses but is neither.
  auto december = trends_of(f, f.savings.id, "2025-12-01", "2025-12-31");
  CHECK(months_text(december) == std::vector<std::string>{"2025-12-01..2025-12-31 0.00 0.00 -"});
  CHECK(t.meetings.empty());
  CHECK_FALSE(t.cycle.has_value());
}

TEST_CASE("trends: the loan fund at each meeting from the day-by-day grouped read", "[reports][trends]") {
  ledger_fixture f;
  post_savings_year(f);
  auto r = f.reader();
  std::map<std::int64_t, std::string> code;
  for (const auto& a : load_accounts(r->db(), f.savings.id)) code[a.id.value] = a.code;
  std::map<std::pair<std::string, std::string>, int128> daily;
  for (const auto& [key, net] :
       nets_by_date(r->db(), f.savings.id, day("2025-01-01"), day("2025-12-31"), date_step::day, false))
    daily[{key.first, code[key.second]}] += net;
  // One row a day and account that moved: 10 Jan 1010 3010 1020 3030, 5 Feb 1100 1010, 5 Mar 1010 1100 4010
  // 4020, 1 Apr 5010 1010.
  CHECK(daily.size() == 12);
  const std::vector<std::pair<calendar_date, operation_id>> meetings{{day("2025-01-03"), operation_id{1}},
                                                                     {day("2025-01-10"), operation_id{2}},
                                                                     {day("2025-02-05"), operation_id{3}},
                                                                     {day("2025-03-05"), operation_id{4}},
                                                                     {day("2025-04-20"), operation_id{5}}};
  // Opening: 10,000 riel of shares carried from a last cycle, in the box.
  auto points = fund_series({{"1010", 1000000}, {"3010", -1000000}}, daily, meetings, khr);
  std::vector<std::string> got;
  for (const auto& p : points)
    got.push_back(p.date.to_string() + " " + p.savings.amount_text() + " " + p.loan_fund_cash.amount_text() +
                  " " + p.loans_outstanding.amount_text());
  CHECK(got == std::vector<std::string>{
                   "2025-01-03 10000.00 10000.00 0.00",      // before any line: the opening
                   "2025-01-10 40000.00 40000.00 0.00",      // shares 30,000 into the box
                   "2025-02-05 40000.00 25000.00 15000.00",  // the loan to Dara
                   "2025-03-05 40000.00 31100.00 10000.00",  // repaid 5,000 with 600 interest; a 500 fine
                   "2025-04-20 40000.00 29900.00 10000.00",  // stationery 1,200 from the box
               });
  CHECK(points[2].meeting == operation_id{3});
}

TEST_CASE("trends: PAR30 at a month's end, of the cycle running then", "[reports][trends]") {
  // Cycle 1 from 1 Jan: a loan of 60,000 on 10 Jan due 10 Feb, never repaid; one of 40,000 on 20 Mar,
  // due 20 Apr. Cycle 2 from 1 May: nothing lent yet.
  const std::vector<cycle_info> cycles{cycle(1, "2025-01-01"), cycle(2, "2025-05-01")};
  const std::map<std::int64_t, std::vector<loan_record>> loans{
      {1, {loan(1, 1, "2025-01-10", 6000000), loan(2, 1, "2025-03-20", 4000000)}}};
  const auto par = [&](std::string_view on) { return par30_on(cycles, loans, khr, day(on)).value_or("-"); };
  CHECK(par("2024-12-31") == "-");       // before any cycle
  CHECK(par("2025-01-31") == "0.0000");  // nothing due yet
  CHECK(par("2025-02-28") == "0.0000");  // 18 days late: not yet 30
  CHECK(par("2025-03-12") == "0.0000");  // 30 days late: not more than 30
  CHECK(par("2025-03-14") == "1.0000");  // 32 days late; the second loan not yet lent
  CHECK(par("2025-03-31") == "0.6000");  // 60,000 of 100,000 more than 30 days late
  CHECK(par("2025-05-31") == "0.0000");  // the new cycle has no loans
}

TEST_CASE("trends: the range, its months and its limits", "[reports][trends]") {
  auto months = months_of(day("2026-01-15"), day("2026-03-10"));
  REQUIRE(months.size() == 3);
  CHECK(months[0].second == day("2026-01-31"));
  CHECK(months[1].first == day("2026-02-01"));
  CHECK(months[1].second == day("2026-02-28"));
  CHECK(months[2].first == day("2026-03-01"));
  CHECK(months[2].second == day("2026-03-10"));
  CHECK(months_of(day("2026-02-05"), day("2026-02-05")).size() == 1);

  auto year = trends_range(std::nullopt, std::nullopt, day("2026-12-02"));
  REQUIRE(year.has_value());
  CHECK(year->from == day("2026-01-01"));
  CHECK(year->to == day("2026-12-02"));
  CHECK(trends_range(day("2016-02-01"), day("2026-01-31"), day("2026-12-02")).has_value());  // 120 months
  auto long_range = trends_range(day("2016-01-01"), day("2026-01-31"), day("2026-12-02"));
  REQUIRE_FALSE(long_range.has_value());
  CHECK(long_range.error().code == errc::bad_request);
  CHECK_FALSE(trends_range(day("2026-03-01"), day("2026-02-01"), day("2026-12-02")).has_value());
}
