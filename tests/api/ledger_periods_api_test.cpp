// Periods over HTTP beyond the first close: an admin reopens the latest close (audited, still listed with
// its seal, which still verifies), and closing a year or a cycle posts the visible closing entry.
#include "tests/api/ledger_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

using namespace samaki::api_test;

namespace {

boost::json::value entry(std::string_view date, std::string_view debit_account,
                         std::string_view credit_account, std::string_view amount) {
  return {
      {"date", date},
      {"memo", "test"},
      {"lines",
       {{{"account", debit_account}, {"debit", amount}}, {{"account", credit_account}, {"credit", amount}}}}};
}

boost::json::value close(std::string_view through, std::string_view kind) {
  return {{"through", through}, {"kind", kind}};
}

// The trial balance's rows as of `as_of`, by account code: "D 2000.00" or "C 3500.00".
std::map<std::string, std::string> trial_balance(api_client& client, std::int64_t group,
                                                 std::string_view as_of) {
  const auto reply = client.get(group_path(group, "/reports/trial-balance?as_of=" + std::string(as_of)));
  REQUIRE(reply.status == 200);
  std::map<std::string, std::string> rows;
  for (const auto& currency : reply.json.at("currencies").as_array()) {
    for (const auto& row : currency.at("rows").as_array()) {
      const bool debit = row.at("debit") != "0.00";
      rows[std::string(row.at("code").as_string())] =
          (debit ? "D " : "C ") + std::string((debit ? row.at("debit") : row.at("credit")).as_string());
    }
  }
  return rows;
}

std::int64_t entry_count(api_client& client, std::int64_t group) {
  const auto verified = client.get(group_path(group, "/verify"));
  REQUIRE(verified.status == 200);
  REQUIRE(verified.json.at("ok") == true);
  return verified.json.at("entries").as_int64();
}

}  // namespace

TEST_CASE("an admin reopens the latest close with a reason: it stays listed and its seal still verifies",
          "[api][ledger][periods]") {
  group_with_treasurer start;
  auto& [server, admin, group, treasurer] = start;
  const auto member = create_member(treasurer, group, "Sophea");
  const auto entries = group_path(group, "/entries");
  const auto periods = group_path(group, "/periods");
  REQUIRE(treasurer.post(entries, share_purchase("2026-01-10", "5000", member), idempotency("jan")).status ==
          201);
  const auto january = treasurer.post(periods, close("2026-01-31", "month"));
  REQUIRE(january.status == 201);
  REQUIRE(treasurer.post(entries, share_purchase("2026-02-10", "5000", member), idempotency("feb")).status ==
          201);
  const auto february = treasurer.post(periods, close("2026-02-28", "month"));
  REQUIRE(february.status == 201);
  const auto late_receipt = share_purchase("2026-02-20", "700", member);
  CHECK(treasurer.post(entries, late_receipt, idempotency("late")).error_code() == "period_closed");

  const auto february_id = february.json.at("id").as_int64();
  const auto reopened = admin.post(periods + "/" + std::to_string(february_id) + "/reopen",
                                   {{"reason", "the receipt of 20 February was found"}});
  REQUIRE(reopened.status == 200);
  CHECK(reopened.json.at("id") == february_id);
  CHECK(!reopened.json.at("reopened_at").is_null());
  CHECK(reopened.json.at("reopened_by").as_string().starts_with("admin-"));
  CHECK(reopened.json.at("reopen_reason") == "the receipt of 20 February was found");
  CHECK(reopened.json.at("seal") == february.json.at("seal"));

  // February takes postings again; January stays closed. Then February closes again, and more is posted.
  CHECK(treasurer.post(entries, late_receipt, idempotency("late")).status == 201);
  CHECK(treasurer.post(entries, share_purchase("2026-01-20", "700", member), idempotency("jan-late"))
            .error_code() == "period_closed");
  const auto again = treasurer.post(periods, close("2026-02-28", "month"));
  REQUIRE(again.status == 201);
  CHECK(again.json.at("seal") != february.json.at("seal"));
  REQUIRE(treasurer.post(entries, share_purchase("2026-03-05", "900", member), idempotency("mar")).status ==
          201);

  const auto audit = admin.get("/api/v1/audit?group_id=" + std::to_string(group));
  REQUIRE(audit.status == 200);
  std::vector<boost::json::value> reopens;
  for (const auto& r : audit.json.at("items").as_array())
    if (r.at("action") == "period.reopen") reopens.push_back(r);
  REQUIRE(reopens.size() == 1);
  CHECK(reopens[0].at("username") == reopened.json.at("reopened_by"));
  CHECK(reopens[0].at("target") == "period through 2026-02-28");
  CHECK_THAT(std::string(reopens[0].at("detail").as_string()),
             Catch::Contains("the receipt of 20 February was found"));

  const auto listed = treasurer.get(periods);
  REQUIRE(listed.status == 200);
  const auto& items = listed.json.at("items").as_array();
  REQUIRE(items.size() == 3);
  CHECK(items[0] == january.json);
  CHECK(items[1] == reopened.json);
  CHECK(items[2] == again.json);
  CHECK(items[2].at("reopened_at").is_null());

  // Every seal ever given, the reopened one too, is still on the chain after the later postings.
  for (const auto* sealed : {&january, &february, &again}) {
    const auto code = std::string(sealed->json.at("seal").at("code").as_string());
    INFO(code);
    const auto verified = treasurer.get(group_path(group, "/verify?seal=" + code));
    REQUIRE(verified.status == 200);
    CHECK(verified.json.at("ok") == true);
    CHECK(verified.json.at("seal_ok") == true);
  }
  CHECK(treasurer.get(group_path(group, "/verify?seal=000000000001")).json.at("seal_ok") == false);
}

TEST_CASE("closing a year posts the closing entry into 3020, a month none", "[api][ledger][periods]") {
  group_with_treasurer start;
  // Plain references, not a structured binding: clang 14 cannot capture a binding in a lambda.
  const auto group = start.group;
  auto& treasurer = start.treasurer;
  const auto member = create_member(treasurer, group, "Sophea");
  const auto entries = group_path(group, "/entries");
  const auto periods = group_path(group, "/periods");
  int keys = 0;
  const auto post = [&](const boost::json::value& body) {
    REQUIRE(treasurer.post(entries, body, idempotency("k" + std::to_string(++keys))).status == 201);
  };
  post(share_purchase("2026-02-01", "100000", member));
  post(entry("2026-03-01", "1010", "4020", "3000"));  // fines
  post(entry("2026-04-01", "1010", "4010", "2000"));  // interest
  post(entry("2026-05-01", "5010", "1010", "1500"));  // stationery
  post(entry("2026-07-10", "1010", "4030", "700"));   // after the year closed below

  const auto entries_before = entry_count(treasurer, group);
  const auto month = treasurer.post(periods, close("2026-03-31", "month"));
  REQUIRE(month.status == 201);
  CHECK(month.json.at("closing_entry_id").is_null());
  CHECK(entry_count(treasurer, group) == entries_before);

  const auto year = treasurer.post(periods, close("2026-06-30", "year"));
  REQUIRE(year.status == 201);
  REQUIRE(year.json.at("closing_entry_id").is_int64());
  CHECK(entry_count(treasurer, group) == entries_before + 1);
  const auto closing =
      treasurer.get(entries + "/" + std::to_string(year.json.at("closing_entry_id").as_int64()));
  REQUIRE(closing.status == 200);
  CHECK(closing.json.at("date") == "2026-06-30");
  // The seal is the chain head once the closing entry is written.
  CHECK(closing.json.at("hash") == year.json.at("seal").at("head"));

  // As of the closing day income and expenses are zero and the surplus holds their net: 3000 + 2000 - 1500.
  CHECK(trial_balance(treasurer, group, "2026-06-30") ==
        std::map<std::string, std::string>{
            {"1010", "D 103500.00"}, {"3010", "C 100000.00"}, {"3020", "C 3500.00"}});
  // What came after the close is untouched.
  CHECK(trial_balance(treasurer, group, "2026-07-31") ==
        std::map<std::string, std::string>{
            {"1010", "D 104200.00"}, {"3010", "C 100000.00"}, {"3020", "C 3500.00"}, {"4030", "C 700.00"}});
}

TEST_CASE("closing a cycle of a joint-task committee closes into 3060, a loss too",
          "[api][ledger][periods]") {
  test_server server;
  auto admin = signed_in_as(server, "admin");
  const auto group = create_group(admin, "joint_task");
  const auto entries = group_path(group, "/entries");
  REQUIRE(admin.post(entries, entry("2026-04-01", "1010", "4010", "800"), idempotency("harvest")).status ==
          201);
  REQUIRE(admin.post(entries, entry("2026-04-02", "5010", "1010", "1000"), idempotency("labour")).status ==
          201);

  const auto cycle = admin.post(group_path(group, "/periods"), close("2026-04-30", "cycle"));
  REQUIRE(cycle.status == 201);
  REQUIRE(cycle.json.at("closing_entry_id").is_int64());
  CHECK(trial_balance(admin, group, "2026-04-30") ==
        std::map<std::string, std::string>{{"1010", "C 200.00"}, {"3060", "D 200.00"}});
}

TEST_CASE("a member named on a cash line is attribution: accepted, and it makes no member balance",
          "[api][ledger]") {
  group_with_treasurer start;
  auto& [server, admin, group, treasurer] = start;
  const auto member = create_member(treasurer, group, "Sophea");
  const auto fine = treasurer.post(group_path(group, "/entries"),
                                   {{"date", "2026-03-01"},
                                    {"memo", "late to the meeting"},
                                    {"lines",
                                     {{{"account", "1010"}, {"member_id", member}, {"debit", "500"}},
                                      {{"account", "4020"}, {"member_id", member}, {"credit", "500"}}}}},
                                   idempotency("fine"));
  REQUIRE(fine.status == 201);
  CHECK(fine.json.at("lines").at(0).at("member_id") == member);

  for (const auto* code : {"1010", "4020"}) {
    INFO(code);
    const auto account = treasurer.get(group_path(group, "/accounts/") + code);
    REQUIRE(account.status == 200);
    CHECK(account.json.at("balance") == "500.00");
    CHECK(account.json.at("member_balances") == boost::json::array());
  }
  // The member's statement lists member ledgers only: attribution puts nothing there.
  const auto statement =
      treasurer.get(group_path(group, "/members/" + std::to_string(member) + "/statement"));
  REQUIRE(statement.status == 200);
  CHECK(statement.json.at("accounts") == boost::json::array());
}
