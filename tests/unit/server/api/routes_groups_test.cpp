// Groups, members and accounts through the pipeline: who sees what, creation with its audit record,
// and the member's view of their own record.
#include "tests/unit/server/api/routes_fixture.hpp"

using namespace samaki;
using namespace samaki::test;
using server::http::status;

namespace {

std::vector<std::int64_t> ids_of(const boost::json::value& list) {
  std::vector<std::int64_t> out;
  for (const auto& item : list.at("items").as_array()) out.push_back(item.at("id").as_int64());
  return out;
}

}  // namespace

TEST_CASE("groups: an admin sees all and creates them with their chart, and others see their own",
          "[server][routes][groups]") {
  routes_fixture f;
  CHECK(ids_of(f.get("/api/v1/groups", "admin").json) ==
        std::vector<std::int64_t>{f.savings.id.value, f.coop.id.value, f.task.id.value});
  CHECK(ids_of(f.get("/api/v1/groups", "treasurer").json) == std::vector<std::int64_t>{f.savings.id.value});
  const auto paged = f.get("/api/v1/groups?limit=2", "admin");
  CHECK(ids_of(paged.json).size() == 2);
  const std::string cursor(paged.json.at("next_cursor").as_string());
  CHECK(ids_of(f.get("/api/v1/groups?limit=2&cursor=" + cursor, "admin").json) ==
        std::vector<std::int64_t>{f.task.id.value});

  const boost::json::value body = {{"name", "Prey Veng savers"},
                                   {"name_km", "ក្រុមសន្សំ"},
                                   {"kind", "savings_group"},
                                   {"currency", "KHR"},
                                   {"province", "Prey Veng"}};
  CHECK(f.post("/api/v1/groups", "treasurer", body).status == status::forbidden);
  const auto before = f.checksums();
  CHECK(f.post("/api/v1/groups", "admin", {{"name", "x"}, {"kind", "club"}, {"currency", "KHR"}}).status ==
        status::bad_request);
  CHECK(f.post("/api/v1/groups", "admin", {{"name", "x"}, {"kind", "joint_task"}, {"currency", "EUR"}})
            .status == status::bad_request);
  CHECK(f.post("/api/v1/groups", "admin",
               {{"name", "x"}, {"kind", "joint_task"}, {"currency", "KHR"}, {"owner", 1}})
            .code() == "bad_request");
  CHECK(f.changed_since(before) == no_tables);

  const auto created = f.post("/api/v1/groups", "admin", body);
  REQUIRE(created.status == status::created);
  const auto id = created.json.at("id").as_int64();
  CHECK(created.json.at("kind") == "savings_group");
  CHECK(created.json.at("cash_unit") == "100.00");
  CHECK(created.json.at("province") == "Prey Veng");
  const auto path = routes_fixture::group_path(ledger::group_id(id));
  CHECK(f.get(path, "admin").json == created.json);
  CHECK(f.get(path, "treasurer").status == status::not_found);
  CHECK(f.get(path + "/accounts", "admin").json.at("items").as_array().size() == 16);
  auto reader = f.reader();
  CHECK(query_int(reader->db(),
                  "SELECT count(*) FROM audit_log WHERE action = 'group.create' AND group_id = ?",
                  {id}) == 1);
  CHECK(f.get("/api/v1/groups/999", "admin").status == status::not_found);
  CHECK(f.get("/api/v1/groups", "").status == status::unauthorized);
}

TEST_CASE("members: treasurers add them, a member reads only their own record and statement",
          "[server][routes][members]") {
  routes_fixture f;
  const auto members = routes_fixture::group_path(f.savings.id, "/members");
  const auto created =
      f.post(members, "treasurer", {{"name", "Srey"}, {"phone", "012345678"}, {"joined_on", "2026-01-05"}});
  REQUIRE(created.status == status::created);
  CHECK(created.json.at("group_id") == f.savings.id.value);
  CHECK(created.json.at("joined_on") == "2026-01-05");
  const auto before = f.checksums();
  CHECK(f.post(members, "treasurer", {{"name", "Srey"}, {"joined_on", "2026-02-30"}}).code() ==
        "invalid_date");
  CHECK(f.post(members, "treasurer", {{"name", 7}}).code() == "bad_request");
  CHECK(f.post(members, "staff", {{"name", "Srey"}}).status == status::forbidden);
  CHECK(f.post(members, "coop-treasurer", {{"name", "Srey"}}).status == status::not_found);
  CHECK(f.changed_since(before) == no_tables);

  const auto list = f.get(members + "?limit=2", "staff");
  CHECK(list.json.at("items").as_array().size() == 2);
  const auto rest =
      f.get(members + "?limit=2&cursor=" + std::string(list.json.at("next_cursor").as_string()), "staff");
  CHECK(rest.json.at("items").as_array().size() == 2);  // three savers and the new member
  CHECK(f.get(members, "member").status == status::forbidden);

  const auto own = members + "/" + std::to_string(f.savers[0].value);
  const auto other = members + "/" + std::to_string(f.savers[1].value);
  CHECK(f.get(own, "member").json.at("id") == f.savers[0].value);
  CHECK(f.get(other, "member").status == status::not_found);
  CHECK(f.get(other, "treasurer").status == status::ok);
  // A member of another group is not found under this one.
  CHECK(f.get(members + "/" + std::to_string(f.coop_members[0].value), "admin").status == status::not_found);

  for (const auto& [date, amount] : {std::pair{"2026-01-10", "5000"}, std::pair{"2026-02-10", "10000"}}) {
    REQUIRE(f.post(routes_fixture::group_path(f.savings.id, "/entries"), "treasurer",
                   share_purchase(date, amount, f.savers[0]), std::string("s") + date)
                .status == status::created);
  }
  const auto statement = f.get(own + "/statement?from=2026-02-01", "member");
  REQUIRE(statement.status == status::ok);
  const auto& accounts = statement.json.at("accounts").as_array();
  REQUIRE(accounts.size() == 1);
  CHECK(accounts[0].at("code") == "3010");
  CHECK(accounts[0].at("opening") == "5000.00");
  CHECK(accounts[0].at("closing") == "15000.00");
  CHECK(accounts[0].at("lines").as_array().size() == 1);
  CHECK(accounts[0].at("lines").at(0).at("credit") == "10000.00");
  CHECK(accounts[0].at("lines").at(0).at("balance") == "15000.00");
  CHECK(f.get(other + "/statement", "member").status == status::not_found);
  CHECK(f.get(own + "/statement?to=soon", "member").code() == "invalid_date");
}

TEST_CASE("accounts: balances, member balances and added accounts", "[server][routes][accounts]") {
  routes_fixture f;
  const auto accounts = routes_fixture::group_path(f.savings.id, "/accounts");
  REQUIRE(f.post(routes_fixture::group_path(f.savings.id, "/entries"), "treasurer",
                 share_purchase("2026-01-10", "5000", f.savers[2]), "s")
              .status == status::created);
  const auto list = f.get(accounts, "staff");
  REQUIRE(list.status == status::ok);
  const auto& first = list.json.at("items").at(0);
  CHECK(first == boost::json::value({{"code", "1010"},
                                     {"name", first.at("name")},
                                     {"name_km", first.at("name_km")},
                                     {"type", "asset"},
                                     {"currency", "KHR"},
                                     {"balance", "5000.00"},
                                     {"member_ledger", false},
                                     {"closed_on", nullptr}}));
  const auto page = f.get(accounts + "?limit=3", "staff");
  const auto next =
      f.get(accounts + "?limit=3&cursor=" + std::string(page.json.at("next_cursor").as_string()), "staff");
  CHECK(next.json.at("items").at(0).at("code") == "1100");

  const auto shares = f.get(accounts + "/3010", "treasurer");
  REQUIRE(shares.status == status::ok);
  CHECK(shares.json.at("balance") == "5000.00");
  CHECK(shares.json.at("member_balances") ==
        boost::json::value({{{"member_id", f.savers[2].value}, {"balance", "5000.00"}}}));
  CHECK(f.get(accounts + "/1010", "treasurer").json.at("member_balances").as_array().empty());
  CHECK(f.get(accounts + "/9999", "treasurer").status == status::not_found);
  CHECK(f.get(accounts, "member").status == status::forbidden);

  const auto added =
      f.post(accounts, "treasurer", {{"code", "1040"}, {"name", "Wing wallet"}, {"type", "asset"}});
  REQUIRE(added.status == status::created);
  CHECK(added.json.at("balance") == "0.00");
  CHECK(added.json.at("currency") == "KHR");
  const auto before = f.checksums();
  CHECK(f.post(accounts, "treasurer", {{"code", "1040"}, {"name", "Again"}, {"type", "asset"}}).code() ==
        "conflict");
  CHECK(f.post(accounts, "treasurer", {{"code", "1050"}, {"name", "X"}, {"type", "cash"}}).code() ==
        "bad_request");
  CHECK(f.post(accounts, "treasurer",
               {{"code", "1050"}, {"name", "X"}, {"type", "asset"}, {"member_ledger", "yes"}})
            .code() == "bad_request");
  CHECK(f.post(accounts, "staff", {{"code", "1050"}, {"name", "X"}, {"type", "asset"}}).status ==
        status::forbidden);
  CHECK(f.changed_since(before) == no_tables);
  auto reader = f.reader();
  CHECK(query_int(reader->db(),
                  "SELECT count(*) FROM audit_log WHERE action = 'account.create' AND target = ?",
                  {std::string("account 1040")}) == 1);
}
