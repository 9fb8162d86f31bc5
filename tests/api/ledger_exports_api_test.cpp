// Exports and CSV over HTTP: the journal as hledger reads it (checked by hledger itself against the trial
// balance) and as CSV, the member statement as CSV, and CSV that is safe to open in a spreadsheet.
#include "tests/api/auth_test_support.hpp"
#include "tests/api/hledger_support.hpp"
#include "tests/api/ledger_test_support.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace samaki::api_test;

namespace {

// A posting on 2026-02-01 of one debit line and one credit line.
boost::json::value transfer(std::string_view memo, boost::json::object debit, boost::json::object credit) {
  return {{"date", "2026-02-01"}, {"memo", memo}, {"lines", boost::json::array{debit, credit}}};
}

}  // namespace

TEST_CASE(
    "text cells that would run as formulas are neutralised in every CSV, amounts never, and each CSV "
    "comes as a named attachment",
    "[api][ledger][csv]") {
  group_with_treasurer start;
  auto& [server, admin, group, treasurer] = start;
  const auto member = create_member(treasurer, group, "Sokha");
  const std::string g = std::to_string(group);
  REQUIRE(treasurer
              .post(group_path(group, "/accounts"),
                    {{"code", "1090"},
                     {"name", R"csv(=HYPERLINK("http://evil.example","Cash"))csv"},
                     {"type", "asset"}})
              .status == 201);
  // A share withdrawn before any was bought: the member's balance is negative, -300.
  const auto posted = treasurer.post(
      group_path(group, "/entries"),
      transfer("=2+3",
               {{"account", "3010"}, {"member_id", member}, {"debit", "300"}, {"memo", "@SUM(A1:A9)"}},
               {{"account", "1090"}, {"credit", "300"}}),
      idempotency("formula"));
  REQUIRE(posted.status == 201);
  const std::string entry = std::to_string(posted.json.at("id").as_int64());

  const auto trial = treasurer.get(group_path(group, "/reports/trial-balance?format=csv&as_of=2026-12-31"));
  REQUIRE(trial.status == 200);
  CHECK(trial.header("Content-Disposition") ==
        "attachment; filename=\"samaki-group-" + g + "-trial-balance-2026-12-31.csv\"");
  CHECK_THAT(trial.raw.body,
             Catch::Contains(R"csv(KHR,1090,"'=HYPERLINK(""http://evil.example"",""Cash"")",)csv"));
  CHECK_THAT(trial.raw.body, Catch::Contains(",asset,0.00,300.00\r\n"));

  const auto statement = treasurer.get(
      group_path(group, "/members/" + std::to_string(member) + "/statement?format=csv&to=2026-12-31"));
  REQUIRE(statement.status == 200);
  CHECK(statement.header("Content-Type") == "text/csv; charset=utf-8");
  CHECK(statement.header("Content-Disposition") == "attachment; filename=\"samaki-group-" + g + "-member-" +
                                                       std::to_string(member) +
                                                       "-statement-2026-12-31.csv\"");
  const auto& body = statement.raw.body;
  CHECK(body.starts_with(
      "code,name,name_km,type,currency,row,date,seq,entry_id,memo,debit,credit,balance\r\n"));
  CHECK_THAT(body, Catch::Contains("\r\n3010,Member shares,"));
  CHECK_THAT(body, Catch::Contains(",equity,KHR,opening,,,,,,,0.00\r\n"));
  CHECK_THAT(body,
             Catch::Contains(",equity,KHR,line,2026-02-01,1," + entry + ",'=2+3,300.00,0.00,-300.00\r\n"));
  CHECK_THAT(body, Catch::Contains(",equity,KHR,closing,,,,,,,-300.00\r\n"));
  CHECK(
      treasurer.get(group_path(group, "/members/" + std::to_string(member) + "/statement")).json.is_object());
  CHECK(treasurer.get(group_path(group, "/members/" + std::to_string(member) + "/statement?format=xml"))
            .error_code() == "bad_request");

  const auto journal = treasurer.get(group_path(group, "/export?format=csv"));
  REQUIRE(journal.status == 200);
  CHECK(journal.header("Content-Type") == "text/csv; charset=utf-8");
  CHECK(std::regex_match(
      journal.header("Content-Disposition"),
      std::regex("attachment; filename=\"samaki-group-" + g + "-journal-\\d{4}-\\d\\d-\\d\\d\\.csv\"")));
  CHECK(journal.raw.body.starts_with("seq,date,memo,account,member_id,currency,debit,credit,line_memo,"));
  CHECK_THAT(journal.raw.body, Catch::Contains("1,2026-02-01,'=2+3,3010," + std::to_string(member) +
                                               ",KHR,300.00,,'@SUM(A1:A9),"));
  CHECK_THAT(journal.raw.body, Catch::Contains("1,2026-02-01,'=2+3,1090,,KHR,,300.00,,"));

  // `samaki export --format csv` writes the very same text.
  const auto exported = run_samaki(server, {"export", "--group", g, "--format", "csv"}, "");
  REQUIRE(exported.exit_code == 0);
  CHECK(exported.out == journal.raw.body);
}

TEST_CASE("GET .../export?format=hledger is a journal that hledger balances like the trial balance",
          "[api][ledger][export]") {
  group_with_treasurer start;
  auto& [server, admin, group, treasurer] = start;
  const auto sokha = create_member(treasurer, group, "Sokha");
  const auto dara = create_member(treasurer, group, "Dara; with: odd  name");
  REQUIRE(
      treasurer
          .post(group_path(group, "/entries"), share_purchase("2026-01-10", "25000", sokha), idempotency("a"))
          .status == 201);
  REQUIRE(treasurer
              .post(group_path(group, "/entries"), share_purchase("2026-01-17", "10000.50", dara),
                    idempotency("b"))
              .status == 201);
  const auto loan = treasurer.post(
      group_path(group, "/entries"),
      transfer("Loan; for rice: seed", {{"account", "1100"}, {"member_id", dara}, {"debit", "12000"}},
               {{"account", "1010"}, {"credit", "12000"}}),
      idempotency("c"));
  REQUIRE(loan.status == 201);
  REQUIRE(
      treasurer
          .post(group_path(group, "/entries/" + std::to_string(loan.json.at("id").as_int64()) + "/reverse"),
                boost::json::object{}, idempotency("d"))
          .status == 201);

  const auto journal = treasurer.get(group_path(group, "/export?format=hledger"));
  REQUIRE(journal.status == 200);
  CHECK(journal.header("Content-Type") == "text/plain; charset=utf-8");
  CHECK_THAT(journal.header("Content-Disposition"), Catch::EndsWith(".journal\""));
  CHECK(treasurer.get(group_path(group, "/export")).raw.body == journal.raw.body);  // hledger by default
  CHECK(treasurer.get(group_path(group, "/export?format=pdf")).error_code() == "bad_request");

  // What hledger itself makes of it, read from standard input as `hledger -f - balance`.
  const auto from_hledger = hledger_balances(server, journal.raw.body);
  REQUIRE_FALSE(from_hledger.contains("FAILED"));

  const auto trial = treasurer.get(group_path(group, "/reports/trial-balance"));
  REQUIRE(trial.status == 200);
  const auto from_trial_balance = trial_balance_by_code(trial.json);
  CHECK(from_trial_balance.size() == 2);  // 1010 and 3010; the loan and its reversal cancel out
  CHECK(from_hledger == from_trial_balance);
}
