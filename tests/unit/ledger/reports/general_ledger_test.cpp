// The general ledger against the hand-worked year of report_scenario.hpp.
#include "ledger/reports/general_ledger.hpp"
#include "tests/unit/ledger/reports/report_scenario.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

result<general_ledger> ledger_of(ledger_fixture& f, std::optional<std::string> account,
                                 std::optional<std::string> from, std::optional<std::string> to) {
  auto r = f.reader();
  return read_general_ledger(r->db(), f.savings.id, account, from ? std::optional(day(*from)) : std::nullopt,
                             to ? std::optional(day(*to)) : std::nullopt);
}

}  // namespace

TEST_CASE("general ledger: one account's lines with running balances", "[reports][general_ledger]") {
  ledger_fixture f;
  auto y = post_savings_year(f);
  auto loans = ledger_of(f, "1100", std::nullopt, std::nullopt);
  REQUIRE(loans.has_value());
  REQUIRE(loans->accounts.size() == 1);
  const auto& a = loans->accounts[0];
  CHECK(a.account.code == "1100");
  CHECK(a.opening.amount_text() == "0.00");
  REQUIRE(a.lines.size() == 2);
  CHECK(a.lines[0].entry == y.loan);
  CHECK(a.lines[0].member == f.savers[1]);
  CHECK(a.lines[0].debit.amount_text() == "15000.00");
  CHECK(a.lines[0].balance.amount_text() == "15000.00");
  CHECK(a.lines[1].entry == y.repayment);
  CHECK(a.lines[1].credit.amount_text() == "5000.00");
  CHECK(a.lines[1].balance.amount_text() == "10000.00");
  CHECK(a.total_debit.amount_text() == "15000.00");
  CHECK(a.total_credit.amount_text() == "5000.00");
  CHECK(a.closing.amount_text() == "10000.00");

  // Credit-normal: shares grow with credits.
  auto shares = ledger_of(f, "3010", std::nullopt, std::nullopt);
  REQUIRE(shares.has_value());
  REQUIRE(shares->accounts[0].lines.size() == 2);
  CHECK(shares->accounts[0].lines[0].balance.amount_text() == "20000.00");
  CHECK(shares->accounts[0].lines[1].balance.amount_text() == "30000.00");

  CHECK(code_of(ledger_of(f, "9999", std::nullopt, std::nullopt)) == "unknown_account");
}

TEST_CASE("general ledger: every account with an opening balance or lines in the period",
          "[reports][general_ledger]") {
  ledger_fixture f;
  post_savings_year(f);
  close_year(f, f.savings.id, "2025-12-31");
  f.must_post(
      make_posting(f.savings.id, "2026-01-15", {debit("1010", "1000"), credit("4020", "1000")}, "fine26"));
  auto gl = ledger_of(f, std::nullopt, "2026-01-01", std::nullopt);
  REQUIRE(gl.has_value());
  std::map<std::string, std::string> summary;  // code -> "opening lines closing"
  for (const auto& a : gl->accounts) {
    summary[a.account.code] =
        a.opening.amount_text() + " " + std::to_string(a.lines.size()) + " " + a.closing.amount_text();
  }
  CHECK(summary == std::map<std::string, std::string>{
                       {"1010", "19900.00 1 20900.00"},
                       {"1020", "3000.00 0 3000.00"},
                       {"1100", "10000.00 0 10000.00"},
                       {"3010", "30000.00 0 30000.00"},
                       {"3020", "-100.00 0 -100.00"},  // the closed year's loss
                       {"3030", "3000.00 0 3000.00"},
                       {"4020", "0.00 1 1000.00"},  // closed to zero, then the new fine
                   });
}
