// The income statement against the hand-worked year of report_scenario.hpp: movements, not balances, and a
// closed year that still shows what it earned and spent.
#include "ledger/reports/income_statement.hpp"
#include "tests/unit/ledger/reports/report_scenario.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

std::map<std::string, std::string> rows_of(const std::vector<result_row>& rows) {
  std::map<std::string, std::string> out;
  for (const auto& r : rows) out[r.account.code] = r.amount.amount_text();
  return out;
}

income_statement statement_of(ledger_fixture& f, std::optional<std::string> from,
                              std::optional<std::string> to) {
  auto r = f.reader();
  auto s = read_income_statement(r->db(), f.savings.id, from ? std::optional(day(*from)) : std::nullopt,
                                 to ? std::optional(day(*to)) : std::nullopt);
  REQUIRE(s.has_value());
  REQUIRE(s->currencies.size() == 1);
  return *s;
}

using rows = std::map<std::string, std::string>;

}  // namespace

TEST_CASE("income statement: the period's movements and the net result", "[reports][income_statement]") {
  ledger_fixture f;
  post_savings_year(f);
  auto year = statement_of(f, "2025-01-01", "2025-12-31");
  const auto& c = year.currencies[0];
  CHECK(rows_of(c.income) == rows{{"4010", "600.00"}, {"4020", "500.00"}});
  CHECK(rows_of(c.expenses) == rows{{"5010", "1200.00"}});
  CHECK(c.total_income.amount_text() == "1100.00");
  CHECK(c.total_expenses.amount_text() == "1200.00");
  CHECK(c.net_result.amount_text() == "-100.00");

  // March alone: the repayment's interest and the fine.
  auto march = statement_of(f, "2025-03-01", "2025-03-31");
  CHECK(rows_of(march.currencies[0].income) == rows{{"4010", "600.00"}, {"4020", "500.00"}});
  CHECK(march.currencies[0].expenses.empty());
  CHECK(march.currencies[0].net_result.amount_text() == "1100.00");

  // Nothing moved: the base currency with zeros.
  auto quiet = statement_of(f, "2025-06-01", "2025-06-30");
  CHECK(quiet.currencies[0].income.empty());
  CHECK(quiet.currencies[0].net_result.amount_text() == "0.00");
}

TEST_CASE("income statement: a closed year still shows its income and expenses",
          "[reports][income_statement]") {
  ledger_fixture f;
  post_savings_year(f);
  auto closed = close_year(f, f.savings.id, "2025-12-31");
  REQUIRE(closed.closing_entry.has_value());
  f.must_post(
      make_posting(f.savings.id, "2026-01-15", {debit("1010", "1000"), credit("4020", "1000")}, "fine26"));

  auto year = statement_of(f, "2025-01-01", "2025-12-31");
  CHECK(rows_of(year.currencies[0].income) == rows{{"4010", "600.00"}, {"4020", "500.00"}});
  CHECK(rows_of(year.currencies[0].expenses) == rows{{"5010", "1200.00"}});
  CHECK(year.currencies[0].net_result.amount_text() == "-100.00");

  // The whole history: both years, still without the closing entry.
  auto all = statement_of(f, std::nullopt, std::nullopt);
  CHECK(rows_of(all.currencies[0].income) == rows{{"4010", "600.00"}, {"4020", "1500.00"}});
  CHECK(all.currencies[0].net_result.amount_text() == "900.00");

  auto next = statement_of(f, "2026-01-01", std::nullopt);
  CHECK(rows_of(next.currencies[0].income) == rows{{"4020", "1000.00"}});
  CHECK(next.currencies[0].total_expenses.amount_text() == "0.00");
  CHECK(next.currencies[0].net_result.amount_text() == "1000.00");
}

TEST_CASE("income statement: a reversed entry nets out, a reversed closing entry is still no income",
          "[reports][income_statement]") {
  ledger_fixture f;
  auto y = post_savings_year(f);
  REQUIRE(reverse(*f.db, f.savings.id, y.stationery, "undo-stationery", "2025-04-02").has_value());
  auto year = statement_of(f, "2025-01-01", "2025-12-31");
  CHECK(year.currencies[0].expenses.empty());
  CHECK(year.currencies[0].net_result.amount_text() == "1100.00");

  auto closed = close_year(f, f.savings.id, "2025-12-31");
  REQUIRE(reverse(*f.db, f.savings.id, *closed.closing_entry, "undo-close", "2026-01-02").has_value());
  auto next = statement_of(f, "2026-01-01", "2026-12-31");
  CHECK(next.currencies[0].income.empty());
  CHECK(next.currencies[0].expenses.empty());
  CHECK(next.currencies[0].net_result.amount_text() == "0.00");
}
