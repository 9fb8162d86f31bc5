// The general reports over HTTP: balance sheet, income statement, cash book, general ledger and member
// balances, as JSON, as CSV attachments and in Khmer, and the requests they refuse.
#include "tests/api/ledger_test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace samaki::api_test;

namespace {

// A KHR savings group with one member, Sophea (សុភា), and three entries of 2026:
//   01-10 shares  Dr 1010 20000 / Cr 3010[Sophea] 20000
//   01-12 fine    Dr 1010 500 / Cr 4020 500 (Sophea named), memo "=SUM(A1)" as a spreadsheet trap
//   02-01 pens    Dr 5010 300 / Cr 1010 300
// so 1010 holds 20200, and the year's result is 500 - 300 = 200.
struct reports_group {
  reports_group() {
    auto created =
        start.treasurer.post(group_path(start.group, "/members"), {{"name", "Sophea"}, {"name_km", "សុភា"}});
    REQUIRE(created.status == 201);
    member = created.json.at("id").as_int64();
    auto post = [&](const boost::json::value& body, std::string key) {
      REQUIRE(start.treasurer.post(group_path(start.group, "/entries"), body, idempotency(std::move(key)))
                  .status == 201);
    };
    post(share_purchase("2026-01-10", "20000", member), "shares");
    post({{"date", "2026-01-12"},
          {"memo", "=SUM(A1)"},
          {"lines",
           {{{"account", "1010"}, {"debit", "500"}},
            {{"account", "4020"}, {"member_id", member}, {"credit", "500"}}}}},
         "fine");
    post({{"date", "2026-02-01"},
          {"memo", "Pens"},
          {"lines", {{{"account", "5010"}, {"debit", "300"}}, {{"account", "1010"}, {"credit", "300"}}}}},
         "pens");
  }
  std::string report(std::string_view rest) const {
    return group_path(start.group, "/reports/" + std::string(rest));
  }

  group_with_treasurer start;
  std::int64_t member = 0;
};

}  // namespace

TEST_CASE("balance sheet and income statement over HTTP, JSON, CSV and Khmer", "[api][reports]") {
  reports_group g;
  auto& [server, admin, group, treasurer] = g.start;
  auto reader = signed_in_as(server, "member", {group}, g.member);

  const auto sheet = reader.get(g.report("balance-sheet?as_of=2026-12-31"));
  REQUIRE(sheet.status == 200);
  CHECK(sheet.json.at("as_of") == "2026-12-31");
  const auto& khr = sheet.json.at("currencies").at(0);
  CHECK(khr.at("currency") == "KHR");
  CHECK(khr.at("assets").at("total") == "20200.00");
  CHECK(khr.at("assets").at("rows").at(0).at("code") == "1010");
  CHECK(khr.at("assets").at("rows").at(0).at("balance") == "20200.00");
  CHECK(khr.at("current_result") == "200.00");
  const auto& equity = khr.at("equity").at("rows").as_array();
  CHECK(equity.back().at("kind") == "current_result");
  CHECK(equity.back().at("code").is_null());
  CHECK(equity.back().at("balance") == "200.00");
  CHECK(khr.at("equity").at("total") == "20200.00");
  CHECK(khr.at("total_liabilities_and_equity") == "20200.00");
  CHECK(khr.at("equity").at("rows").at(0).as_object().count("members") == 0);

  // Members' balances under the member ledgers: for book readers, not for a member.
  CHECK(reader.get(g.report("balance-sheet?members=true")).status == 403);
  const auto detailed = treasurer.get(g.report("balance-sheet?members=true&lang=km"));
  REQUIRE(detailed.status == 200);
  const auto& shares = detailed.json.at("currencies").at(0).at("equity").at("rows").at(0);
  CHECK(shares.at("code") == "3010");
  CHECK(shares.at("members").at(0).at("id") == g.member);
  CHECK(shares.at("members").at(0).at("name") == "សុភា");
  CHECK(shares.at("members").at(0).at("balance") == "20000.00");

  // Khmer names in `name`, both kept.
  const auto accounts = treasurer.get(group_path(group, "/accounts"));
  std::string cash_km;
  for (const auto& a : accounts.json.at("items").as_array())
    if (a.at("code") == "1010") cash_km = std::string(a.at("name_km").as_string());
  REQUIRE(!cash_km.empty());
  const auto km = reader.get(g.report("balance-sheet?lang=km"));
  REQUIRE(km.status == 200);
  const auto& cash = km.json.at("currencies").at(0).at("assets").at("rows").at(0);
  CHECK(cash.at("name").as_string() == cash_km);
  CHECK(cash.at("name_km").as_string() == cash_km);
  CHECK(sheet.json.at("currencies").at(0).at("assets").at("rows").at(0).at("name").as_string() != cash_km);

  const auto year = reader.get(g.report("income-statement?from=2026-01-01&to=2026-12-31"));
  REQUIRE(year.status == 200);
  CHECK(year.json.at("from") == "2026-01-01");
  const auto& result = year.json.at("currencies").at(0);
  CHECK(result.at("income").at(0).at("code") == "4020");
  CHECK(result.at("income").at(0).at("amount") == "500.00");
  CHECK(result.at("expenses").at(0).at("code") == "5010");
  CHECK(result.at("total_income") == "500.00");
  CHECK(result.at("total_expenses") == "300.00");
  CHECK(result.at("net_result") == "200.00");

  const auto csv = reader.get(g.report("income-statement?from=2026-01-01&to=2026-12-31&format=csv"));
  REQUIRE(csv.status == 200);
  CHECK(csv.header("Content-Type") == "text/csv; charset=utf-8");
  CHECK(csv.header("Content-Disposition") == "attachment; filename=\"samaki-group-" + std::to_string(group) +
                                                 "-income-statement-2026-12-31.csv\"");
  CHECK(csv.raw.body.starts_with("currency,section,kind,code,name,amount\r\n"));
  CHECK_THAT(csv.raw.body, Catch::Contains("KHR,income,account,4020,Fines,500.00\r\n"));
  CHECK_THAT(csv.raw.body, Catch::Contains("KHR,net_result,total,,,200.00\r\n"));

  const auto sheet_csv = reader.get(g.report("balance-sheet?as_of=2026-12-31&format=csv"));
  REQUIRE(sheet_csv.status == 200);
  CHECK(sheet_csv.raw.body.starts_with("currency,section,kind,code,name,member_id,balance\r\n"));
  CHECK_THAT(sheet_csv.raw.body,
             Catch::Contains("KHR,equity,current_result,,Current result (not yet closed),,200.00\r\n"));
  CHECK_THAT(sheet_csv.raw.body, Catch::Contains("KHR,liabilities_and_equity,total,,,,20200.00\r\n"));
}

TEST_CASE("cash book, general ledger and member balances over HTTP", "[api][reports]") {
  reports_group g;
  auto& [server, admin, group, treasurer] = g.start;
  auto staff = signed_in_as(server, "staff", {group});

  const auto book = staff.get(g.report("cash-book?from=2026-01-11"));
  REQUIRE(book.status == 200);
  CHECK(book.json.at("account").at("code") == "1010");
  CHECK(book.json.at("currency") == "KHR");
  CHECK(book.json.at("opening") == "20000.00");
  const auto& lines = book.json.at("lines").as_array();
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].at("memo") == "=SUM(A1)");
  CHECK(lines[0].at("member").at("name") == "Sophea");
  CHECK(lines[0].at("in") == "500.00");
  CHECK(lines[0].at("balance") == "20500.00");
  CHECK(lines[1].at("member").is_null());
  CHECK(lines[1].at("out") == "300.00");
  CHECK(lines[1].at("balance") == "20200.00");
  CHECK(book.json.at("total_in") == "500.00");
  CHECK(book.json.at("closing") == "20200.00");

  const auto csv = staff.get(g.report("cash-book?account=1010&to=2026-01-31&format=csv&lang=km"));
  REQUIRE(csv.status == 200);
  CHECK(csv.header("Content-Disposition") ==
        "attachment; filename=\"samaki-group-" + std::to_string(group) + "-cash-book-1010-2026-01-31.csv\"");
  CHECK(csv.raw.body.starts_with("row,date,seq,entry_id,memo,member_id,member,in,out,balance,currency\r\n"));
  CHECK_THAT(csv.raw.body, Catch::Contains("opening,,,,,,,,,0.00,KHR\r\n"));
  // The memo is text a spreadsheet would run: neutralised. The member is named in Khmer.
  CHECK_THAT(csv.raw.body,
             Catch::Contains(",'=SUM(A1)," + std::to_string(g.member) + ",សុភា,500.00,0.00,20500.00,KHR\r\n"));
  CHECK_THAT(csv.raw.body, Catch::Contains("closing,2026-01-31,,,,,,20500.00,0.00,20500.00,KHR\r\n"));

  const auto shares = staff.get(g.report("general-ledger?account=3010"));
  REQUIRE(shares.status == 200);
  REQUIRE(shares.json.at("accounts").as_array().size() == 1);
  const auto& a = shares.json.at("accounts").at(0);
  CHECK(a.at("code") == "3010");
  CHECK(a.at("lines").at(0).at("member_id") == g.member);
  CHECK(a.at("lines").at(0).at("credit") == "20000.00");
  CHECK(a.at("closing") == "20000.00");
  const auto all = staff.get(g.report("general-ledger?from=2026-02-01&format=csv"));
  REQUIRE(all.status == 200);
  CHECK(all.raw.body.starts_with(
      "code,name,type,currency,row,date,seq,entry_id,memo,member_id,debit,credit,balance\r\n"));
  CHECK_THAT(all.raw.body, Catch::Contains("5010,Supplies and stationery,expense,KHR,line,2026-02-01,3,"));

  const auto balances = staff.get(g.report("member-balances?lang=km"));
  REQUIRE(balances.status == 200);
  const auto& sophea = balances.json.at("members").at(0);
  CHECK(sophea.at("id") == g.member);
  CHECK(sophea.at("name") == "សុភា");
  CHECK(sophea.at("name_km") == "សុភា");
  bool found = false;
  for (const auto& b : sophea.at("balances").as_array()) {
    if (b.at("code") != "3010") continue;
    found = true;
    CHECK(b.at("balance") == "20000.00");
    CHECK(b.at("currency") == "KHR");
  }
  CHECK(found);
  const auto balances_csv = staff.get(g.report("member-balances?format=csv"));
  REQUIRE(balances_csv.status == 200);
  CHECK(balances_csv.raw.body.starts_with("member_id,name,1100 KHR,2020 KHR,3010 KHR\r\n"));
  CHECK_THAT(balances_csv.raw.body,
             Catch::Contains(std::to_string(g.member) + ",Sophea,0.00,0.00,20000.00\r\n"));
}

TEST_CASE("the general reports refuse what they cannot answer", "[api][reports]") {
  reports_group g;
  auto& [server, admin, group, treasurer] = g.start;
  auto reader = signed_in_as(server, "member", {group}, g.member);
  const auto refused = [&](api_client& client, std::string_view target, int status, std::string_view code,
                           std::string_view field) {
    INFO(target);
    const auto reply = client.get(g.report(target));
    CHECK(reply.status == status);
    CHECK(reply.error_code() == code);
    if (!field.empty()) CHECK(reply.json.at("error").at("details").at("field").as_string() == field);
  };
  refused(treasurer, "balance-sheet?as_of=2026-02-30", 422, "invalid_date", "as_of");
  refused(treasurer, "balance-sheet?members=yes", 400, "bad_request", "members");
  refused(treasurer, "income-statement?from=2026-03-01&to=2026-02-01", 400, "bad_request", "from");
  refused(treasurer, "income-statement?to=yesterday", 422, "invalid_date", "to");
  refused(treasurer, "cash-book?account=9999", 422, "unknown_account", "account");
  refused(treasurer, "cash-book?account=3010", 400, "bad_request", "account");
  refused(treasurer, "general-ledger?account=ZZZ", 422, "unknown_account", "account");
  refused(treasurer, "member-balances?format=xml", 400, "bad_request", "format");
  refused(treasurer, "trial-balance?lang=fr", 400, "bad_request", "lang");
  // A member reads the summaries, not the books.
  refused(reader, "cash-book", 403, "forbidden", "");
  refused(reader, "general-ledger", 403, "forbidden", "");
  refused(reader, "member-balances", 403, "forbidden", "");
  CHECK(reader.get(g.report("income-statement")).status == 200);
  const auto other = create_group(admin);
  CHECK(reader.get(group_path(other, "/reports/balance-sheet")).status == 404);
}
