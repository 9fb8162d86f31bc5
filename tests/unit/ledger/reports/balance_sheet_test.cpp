// The balance sheet against the hand-worked year of report_scenario.hpp, a closed year and two currencies.
#include "ledger/reports/balance_sheet.hpp"
#include "tests/unit/ledger/reports/report_scenario.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

// "code" -> balance text of a section's rows.
std::map<std::string, std::string> rows_of(const position_section& section) {
  std::map<std::string, std::string> out;
  for (const auto& r : section.rows) out[r.account.code] = r.balance.amount_text();
  return out;
}

balance_sheet sheet_of(ledger_fixture& f, group_id group, std::optional<std::string> as_of,
                       bool members = false) {
  auto r = f.reader();
  auto sheet = read_balance_sheet(r->db(), group, as_of ? std::optional(day(*as_of)) : std::nullopt, members);
  REQUIRE(sheet.has_value());
  return *sheet;
}

}  // namespace

TEST_CASE("balance sheet: assets equal liabilities plus equity with the current result",
          "[reports][balance_sheet]") {
  ledger_fixture f;
  post_savings_year(f);
  auto sheet = sheet_of(f, f.savings.id, "2025-12-31");
  REQUIRE(sheet.currencies.size() == 1);
  const auto& khr = sheet.currencies[0];
  CHECK(khr.currency.code() == "KHR");
  using rows = std::map<std::string, std::string>;
  CHECK(rows_of(khr.assets) == rows{{"1010", "19900.00"}, {"1020", "3000.00"}, {"1100", "10000.00"}});
  CHECK(rows_of(khr.liabilities).empty());
  CHECK(rows_of(khr.equity) == rows{{"3010", "30000.00"}, {"3030", "3000.00"}});
  CHECK(khr.current_result.amount_text() == "-100.00");
  CHECK(khr.assets.total.amount_text() == "32900.00");
  CHECK(khr.liabilities.total.amount_text() == "0.00");
  CHECK(khr.equity.total.amount_text() == "32900.00");
  CHECK(khr.liabilities_and_equity == khr.assets.total);
  // A member ledger is one line; its members only when asked for.
  CHECK(khr.equity.rows[0].members.empty());

  SECTION("as of a day in the year, only what was dated by then") {
    auto early = sheet_of(f, f.savings.id, "2025-02-28");
    const auto& c = early.currencies[0];
    CHECK(rows_of(c.assets) == rows{{"1010", "15000.00"}, {"1020", "3000.00"}, {"1100", "15000.00"}});
    CHECK(c.current_result.amount_text() == "0.00");
    CHECK(c.assets.total.amount_text() == "33000.00");
    CHECK(c.liabilities_and_equity.amount_text() == "33000.00");
  }

  SECTION("members under member ledgers, when asked for") {
    auto detailed = sheet_of(f, f.savings.id, std::nullopt, true);
    const auto& shares = detailed.currencies[0].equity.rows[0];
    REQUIRE(shares.account.code == "3010");
    REQUIRE(shares.members.size() == 2);
    CHECK(shares.members[0].member.name == "Sok");
    CHECK(shares.members[0].balance.amount_text() == "20000.00");
    CHECK(shares.members[1].member.name == "Dara");
    CHECK(shares.members[1].balance.amount_text() == "10000.00");
  }

  SECTION("after the year is closed, the result sits in 3020 and the new year's result is current") {
    close_year(f, f.savings.id, "2025-12-31");
    f.must_post(
        make_posting(f.savings.id, "2026-01-15", {debit("1010", "1000"), credit("4020", "1000")}, "fine26"));
    auto closed = sheet_of(f, f.savings.id, std::nullopt);
    const auto& c = closed.currencies[0];
    CHECK(rows_of(c.equity) == rows{{"3010", "30000.00"}, {"3020", "-100.00"}, {"3030", "3000.00"}});
    CHECK(c.current_result.amount_text() == "1000.00");
    CHECK(c.assets.total.amount_text() == "33900.00");
    CHECK(c.equity.total.amount_text() == "33900.00");
    // At the closing date itself the closing entry is in: nothing is left current.
    auto at_close = sheet_of(f, f.savings.id, "2025-12-31");
    CHECK(at_close.currencies[0].current_result.amount_text() == "0.00");
    CHECK(at_close.currencies[0].equity.total.amount_text() == "32900.00");
  }
}

TEST_CASE("balance sheet: each currency balances on its own", "[reports][balance_sheet][currency]") {
  ledger_fixture f;
  auto c = f.coop.id;
  auto vanna = f.coop_members[0];
  f.must_post(
      make_posting(c, "2025-05-01", {debit("1010", "100000"), credit("3010", "100000", vanna)}, "capital"));
  // 10 dollars bought for 41,000 riel through the exchange position accounts.
  f.must_post(make_posting(
      c, "2025-05-02",
      {debit("1011", "10"), credit("3901", "10"), debit("3900", "41000"), credit("1010", "41000")},
      "exchange"));
  auto sheet = sheet_of(f, c, "2025-12-31");
  REQUIRE(sheet.currencies.size() == 2);
  const auto& khr = sheet.currencies[0];
  const auto& usd = sheet.currencies[1];
  CHECK(khr.currency.code() == "KHR");
  CHECK(khr.assets.total.amount_text() == "59000.00");
  CHECK(khr.equity.total.amount_text() == "59000.00");
  CHECK(rows_of(khr.equity) ==
        std::map<std::string, std::string>{{"3010", "100000.00"}, {"3900", "-41000.00"}});
  CHECK(usd.currency.code() == "USD");
  CHECK(usd.assets.total.amount_text() == "10.00");
  CHECK(usd.liabilities_and_equity.amount_text() == "10.00");

  SECTION("a currency with nothing in it is left out, the base currency never") {
    auto before = sheet_of(f, c, "2025-01-01");
    REQUIRE(before.currencies.size() == 1);
    CHECK(before.currencies[0].currency.code() == "KHR");
    CHECK(before.currencies[0].assets.total.amount_text() == "0.00");
  }
}

// Debits to 1010 after the date pass INT64_MAX in sum while every balance stays small: the balance at the
// date (running balances less the lines after it) still answers, exactly.
TEST_CASE("balance sheet: turnover beyond 64 bits after the date", "[reports][balance_sheet][overflow]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto sok = f.savers[0];
  constexpr const char* max_khr = "92233720368547758.07";  // INT64_MAX minor units
  f.must_post(make_posting(g, "2025-01-10", {debit("1010", max_khr), credit("3010", max_khr, sok)}, "in"));
  f.must_post(make_posting(g, "2025-01-11", {debit("3010", max_khr, sok), credit("1010", max_khr)}, "out"));
  f.must_post(make_posting(g, "2025-01-12", {debit("1010", "0.01"), credit("4020", "0.01")}, "fine"));
  auto before = sheet_of(f, g, "2025-01-09");
  CHECK(before.currencies[0].assets.rows.empty());
  CHECK(before.currencies[0].assets.total.amount_text() == "0.00");
  auto after = sheet_of(f, g, std::nullopt);
  CHECK(rows_of(after.currencies[0].assets) == std::map<std::string, std::string>{{"1010", "0.01"}});
  CHECK(after.currencies[0].current_result.amount_text() == "0.01");
}
