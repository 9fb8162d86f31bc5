// Groups, members and accounts over HTTP, signed in with users made by `samaki user add`.
#include "tests/api/ledger_test_support.hpp"

#include <catch2/catch.hpp>

using namespace samaki::api_test;

TEST_CASE("an admin creates a group with its chart, and a treasurer sees only their group", "[api][ledger]") {
  test_server server;
  auto anonymous = server.client();
  CHECK(anonymous.get("/api/v1/groups").status == 401);
  auto admin = signed_in_as(server, "admin");

  const auto created = admin.post("/api/v1/groups", {{"name", "Kampong Cham cashew committee"},
                                                     {"name_km", "គណៈកម្មាធិការ"},
                                                     {"kind", "joint_task"},
                                                     {"currency", "USD"},
                                                     {"village", "Chey"}});
  REQUIRE(created.status == 201);
  CHECK(created.header("Content-Type") == "application/json; charset=utf-8");
  const auto group = created.json.at("id").as_int64();
  CHECK(created.json.at("name_km") == "គណៈកម្មាធិការ");
  CHECK(created.json.at("currency") == "USD");
  const auto other = create_group(admin);

  const auto accounts = admin.get(group_path(group, "/accounts"));
  REQUIRE(accounts.status == 200);
  CHECK(accounts.json.at("items").as_array().size() ==
        16);  // the joint-task chart without its "(USD)" accounts
  CHECK(accounts.json.at("items").at(0).at("currency") == "USD");
  CHECK(accounts.json.at("items").at(0).at("balance") == "0.00");
  CHECK(accounts.json.at("next_cursor").is_null());

  auto treasurer = signed_in_as(server, "treasurer", {group});
  const auto visible = treasurer.get("/api/v1/groups");
  REQUIRE(visible.status == 200);
  REQUIRE(visible.json.at("items").as_array().size() == 1);
  CHECK(visible.json.at("items").at(0).at("id") == group);
  CHECK(treasurer.get(group_path(group)).status == 200);
  CHECK(treasurer.get(group_path(other)).status == 404);
  CHECK(treasurer.get(group_path(other, "/accounts")).status == 404);
  CHECK(
      treasurer.post("/api/v1/groups", {{"name", "x"}, {"kind", "joint_task"}, {"currency", "USD"}}).status ==
      403);
  CHECK(admin.get("/api/v1/groups").json.at("items").as_array().size() == 2);
  CHECK(admin.post("/api/v1/groups", {{"name", "x"}, {"kind", "joint_task"}, {"currency", 840}}).status ==
        400);
}

TEST_CASE("members and accounts: added by treasurers, read by role, a member only sees themselves",
          "[api][ledger]") {
  group_with_treasurer start;
  auto& [server, admin, group, treasurer] = start;
  const auto sophea = create_member(treasurer, group, "Sophea");
  const auto vuthy = create_member(treasurer, group, "Vuthy");
  auto staff = signed_in_as(server, "staff", {group});
  auto member = signed_in_as(server, "member", {group}, sophea);

  CHECK(staff.post(group_path(group, "/members"), {{"name", "Nary"}}).status == 403);
  CHECK(member.get(group_path(group, "/members")).status == 403);
  const auto listed = staff.get(group_path(group, "/members"));
  REQUIRE(listed.status == 200);
  CHECK(listed.json.at("items").as_array().size() == 2);
  CHECK(member.get(group_path(group, "/members/" + std::to_string(sophea))).json.at("name") == "Sophea");
  CHECK(member.get(group_path(group, "/members/" + std::to_string(vuthy))).status == 404);

  REQUIRE(treasurer
              .post(group_path(group, "/entries"), share_purchase("2026-11-28", "15000", sophea),
                    idempotency("m12-sophea"))
              .status == 201);
  const auto statement = member.get(group_path(group, "/members/" + std::to_string(sophea) + "/statement"));
  REQUIRE(statement.status == 200);
  CHECK(statement.json.at("accounts").at(0).at("closing") == "15000.00");
  CHECK(member.get(group_path(group, "/members/" + std::to_string(vuthy) + "/statement")).status == 404);
  CHECK(member.get(group_path(group, "/accounts")).status == 403);

  const auto shares = staff.get(group_path(group, "/accounts/3010"));
  REQUIRE(shares.status == 200);
  CHECK(shares.json.at("member_ledger") == true);
  CHECK(shares.json.at("member_balances") ==
        boost::json::value({{{"member_id", sophea}, {"balance", "15000.00"}}}));

  const auto added = treasurer.post(group_path(group, "/accounts"),
                                    {{"code", "1040"}, {"name", "Mobile wallet"}, {"type", "asset"}});
  REQUIRE(added.status == 201);
  CHECK(
      treasurer.post(group_path(group, "/accounts"), {{"code", "1040"}, {"name", "Again"}, {"type", "asset"}})
          .error_code() == "conflict");
  CHECK(staff.get(group_path(group, "/accounts/1040")).json.at("name") == "Mobile wallet");
  CHECK(staff.get(group_path(group, "/accounts/7777")).status == 404);
}

namespace {
// The balance the accounts list shows for `code`, read on `client`'s connection.
std::string listed_balance(api_client& client, std::int64_t group, std::string_view code,
                           std::string_view query = {}) {
  const auto listed = client.get(group_path(group, "/accounts") + std::string(query));
  REQUIRE(listed.status == 200);
  for (const auto& item : listed.json.at("items").as_array())
    if (item.at("code").as_string() == code) return std::string(item.at("balance").as_string());
  return "absent";
}
}  // namespace

TEST_CASE("the accounts list is fresh after every change the moment the change is answered",
          "[api][ledger]") {
  group_with_treasurer start;
  auto& [server, admin, group, treasurer] = start;
  const auto other = create_group(admin);
  auto staff = signed_in_as(server, "staff", {group, other});  // reads on another connection
  const auto sophea = create_member(treasurer, group, "Sophea");
  CHECK(listed_balance(staff, group, "1010") == "0.00");  // read once, so a copy is kept
  CHECK(listed_balance(staff, other, "1010") == "0.00");

  for (int meeting = 1; meeting <= 5; ++meeting) {
    REQUIRE(treasurer
                .post(group_path(group, "/entries"), share_purchase("2026-11-28", "1000", sophea),
                      idempotency("meeting-" + std::to_string(meeting)))
                .status == 201);
    CHECK(listed_balance(staff, group, "1010") == std::to_string(meeting * 1000) + ".00");
    CHECK(listed_balance(staff, group, "3010") == std::to_string(meeting * 1000) + ".00");
  }
  CHECK(listed_balance(staff, other, "1010") == "0.00");  // another group's books are untouched

  // A retried posting changes nothing, and the list says so.
  REQUIRE(treasurer
              .post(group_path(group, "/entries"), share_purchase("2026-11-28", "1000", sophea),
                    idempotency("meeting-5"))
              .status == 200);
  CHECK(listed_balance(staff, group, "1010") == "5000.00");

  const auto first = treasurer.get(group_path(group, "/entries?limit=1"));
  REQUIRE(first.status == 200);
  const auto id = std::to_string(first.json.at("items").at(0).at("id").as_int64());
  REQUIRE(treasurer
              .post(group_path(group, "/entries/" + id + "/reverse"), {{"date", "2026-11-29"}},
                    idempotency("undo"))
              .status == 201);
  CHECK(listed_balance(staff, group, "1010") == "4000.00");

  REQUIRE(treasurer
              .post(group_path(group, "/accounts"),
                    {{"code", "1040"}, {"name", "Mobile wallet"}, {"type", "asset"}})
              .status == 201);
  CHECK(listed_balance(staff, group, "1040") == "0.00");
  // Pages other than the first are cut from the same list.
  CHECK(listed_balance(staff, group, "1010", "?limit=2") == "4000.00");
  const auto paged = staff.get(group_path(group, "/accounts?limit=2"));
  REQUIRE(paged.status == 200);
  CHECK(paged.json.at("items").as_array().size() == 2);
  const auto rest = staff.get(group_path(group, "/accounts?cursor=") +
                              std::string(paged.json.at("next_cursor").as_string()));
  REQUIRE(rest.status == 200);
  CHECK(rest.json.at("items").at(0).at("code").as_string() >
        paged.json.at("items").at(1).at("code").as_string());
}
