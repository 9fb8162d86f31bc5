// Member balances against the hand-worked year of report_scenario.hpp.
#include "ledger/reports/member_balances.hpp"
#include "tests/unit/ledger/reports/report_scenario.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

member_balances_report balances_of(ledger_fixture& f, group_id group, std::optional<std::string> as_of) {
  auto r = f.reader();
  auto report = read_member_balances(r->db(), group, as_of ? std::optional(day(*as_of)) : std::nullopt);
  REQUIRE(report.has_value());
  return *report;
}

// "name: b1 b2 ..." per row.
std::vector<std::string> rows_of(const member_balances_report& report) {
  std::vector<std::string> out;
  for (const auto& row : report.rows) {
    std::string line = row.member.name + ":";
    for (const auto& b : row.balances) line += " " + b.amount_text();
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("member balances: every member on every member ledger, with totals", "[reports][member_balances]") {
  ledger_fixture f;
  post_savings_year(f);
  auto report = balances_of(f, f.savings.id, "2025-12-31");
  std::vector<std::string> codes;
  for (const auto& c : report.columns) codes.push_back(c.account.code);
  CHECK(codes == std::vector<std::string>{"1100", "2020", "3010"});
  CHECK(rows_of(report) == std::vector<std::string>{"Sok: 0.00 0.00 20000.00", "Dara: 10000.00 0.00 10000.00",
                                                    "Chenda: 0.00 0.00 0.00"});
  CHECK(report.columns[0].total.amount_text() == "10000.00");
  CHECK(report.columns[1].total.amount_text() == "0.00");
  CHECK(report.columns[2].total.amount_text() == "30000.00");

  // Before the loan was repaid, Dara owed all of it.
  auto february = balances_of(f, f.savings.id, "2025-02-28");
  CHECK(rows_of(february)[1] == "Dara: 15000.00 0.00 10000.00");
}

TEST_CASE("member balances: a cooperative's member ledgers", "[reports][member_balances]") {
  ledger_fixture f;
  auto report = balances_of(f, f.coop.id, std::nullopt);
  std::vector<std::string> codes;
  for (const auto& c : report.columns) codes.push_back(c.account.code);
  CHECK(codes == std::vector<std::string>{"1100", "1110", "2020", "2030", "2050", "2060", "3010", "3050"});
  CHECK(report.rows.size() == 2);
}
