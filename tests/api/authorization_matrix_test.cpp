// The authorisation matrix, generated from the route table: every route × every role × the caller's own
// group and another group, each with its expected outcome, against a real server. A route added without
// a row here fails the test, and so does a row whose route is gone.
#include "tests/api/ledger_test_support.hpp"
#include "tests/api/route_table.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

using namespace samaki;
using namespace samaki::api_test;

namespace {

// For each role, "<own group>/<other group>": A = allowed (the handler runs: any status but 401, 403,
// 404 and 5xx), F = 403 forbidden, N = 404 not found (existence never revealed). On a group route the
// other group is always N for a role that does not see it, even where the role may not use the route at
// all (F in its own group): a 403 there would say the group exists.
struct expected_access {
  bool public_route = false;  // no sign-in needed: anonymous callers are allowed too
  std::string admin, staff, treasurer, member;
};

const std::map<std::string, expected_access>& matrix() {
  static const std::map<std::string, expected_access> rows = {
      {"GET /healthz", {true, "A/A", "A/A", "A/A", "A/A"}},
      {"GET /metrics", {true, "A/A", "A/A", "A/A", "A/A"}},
      {"POST /api/v1/auth/login", {true, "A/A", "A/A", "A/A", "A/A"}},
      {"POST /api/v1/auth/logout", {false, "A/A", "A/A", "A/A", "A/A"}},
      {"GET /api/v1/me", {false, "A/A", "A/A", "A/A", "A/A"}},
      {"GET /api/v1/me/sessions", {false, "A/A", "A/A", "A/A", "A/A"}},
      // Someone else's session id is as unknown as one that never was, to every role.
      {"DELETE /api/v1/me/sessions/{sid}", {false, "N/N", "N/N", "N/N", "N/N"}},
      {"GET /api/v1/users", {false, "A/A", "F/F", "F/F", "F/F"}},
      {"POST /api/v1/users", {false, "A/A", "F/F", "F/F", "F/F"}},
      {"DELETE /api/v1/users/{uid}/sessions", {false, "A/A", "F/F", "F/F", "F/F"}},
      {"GET /api/v1/groups", {false, "A/A", "A/A", "A/A", "A/A"}},
      {"POST /api/v1/groups", {false, "A/A", "F/F", "F/F", "F/F"}},
      {"GET /api/v1/groups/{gid}", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/members", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"POST /api/v1/groups/{gid}/members", {false, "A/A", "F/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/members/{mid}", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/members/{mid}/statement", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/accounts", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"POST /api/v1/groups/{gid}/accounts", {false, "A/A", "F/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/accounts/{code}", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/entries", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"POST /api/v1/groups/{gid}/entries", {false, "A/A", "F/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/entries/{id}", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"POST /api/v1/groups/{gid}/entries/{id}/reverse", {false, "A/A", "F/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/periods", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"POST /api/v1/groups/{gid}/periods", {false, "A/A", "F/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/reports/trial-balance", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/reports/balance-sheet", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/reports/income-statement", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/reports/trends", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/reports/cash-book", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/reports/general-ledger", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/reports/member-balances", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/verify", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/export", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"POST /api/v1/groups/{gid}/accounts/{code}/close", {false, "A/A", "F/N", "A/N", "F/N"}},
      {"POST /api/v1/groups/{gid}/periods/{id}/reopen", {false, "A/A", "F/N", "F/N", "F/N"}},
      {"POST /api/v1/groups/{gid}/operations", {false, "A/A", "F/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/operations", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/operations/{id}", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"POST /api/v1/groups/{gid}/operations/{id}/reverse", {false, "A/A", "F/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/operation-types", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"POST /api/v1/groups/{gid}/cycles", {false, "A/A", "F/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/cycles", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/cycles/current", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/cycles/{id}", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"POST /api/v1/groups/{gid}/cycles/{id}/settings", {false, "A/A", "F/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/loans", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/loans/{id}", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/members/{mid}/loans", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/members/{mid}/passbook", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/reports/loan-portfolio", {false, "A/A", "A/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/reports/cycle-summary", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/reports/share-out", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"PUT /api/v1/groups/{gid}/bylaws", {false, "A/A", "F/N", "A/N", "F/N"}},
      {"GET /api/v1/groups/{gid}/bylaws", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/reports/appropriation", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/reports/annual", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/reports/harvest", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/members/{mid}/trades", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/members/{mid}/harvests", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/groups/{gid}/reports/allocation-surplus", {false, "A/A", "A/N", "A/N", "A/N"}},
      {"GET /api/v1/audit", {false, "A/A", "A/A", "F/F", "F/F"}},
      {"GET /api/v1/dashboard", {false, "A/A", "A/A", "A/A", "F/F"}},
      {"GET /api/v1/dashboard/cycle-summaries", {false, "A/A", "A/A", "F/F", "F/F"}},
  };
  return rows;
}

// The ids one side of the matrix uses: a group, a member in it (the member user's own in group A), an
// entry, a closed period and an operation in it, and a user whose sessions an admin may end (no caller of
// the matrix).
struct group_ids {
  std::int64_t group, member, entry, user = 0, period = 0, operation = 0, cycle = 0, loan = 0;
};

std::string fill(std::string pattern, const group_ids& ids) {
  auto replace = [&](const std::string& key, const std::string& value) {
    if (auto at = pattern.find(key); at != std::string::npos) pattern.replace(at, key.size(), value);
  };
  replace("{gid}", std::to_string(ids.group));
  replace("{mid}", std::to_string(ids.member));
  // {id} names what the segment before it lists.
  replace("/periods/{id}", "/periods/" + std::to_string(ids.period));
  replace("/operations/{id}", "/operations/" + std::to_string(ids.operation));
  replace("/cycles/{id}", "/cycles/" + std::to_string(ids.cycle));
  replace("/loans/{id}", "/loans/" + std::to_string(ids.loan));
  replace("{id}", std::to_string(ids.entry));
  replace("{uid}", std::to_string(ids.user));
  replace("{sid}", "0123456789abcdef0123456789abcdef");
  replace("{code}", "1010");
  return pattern;
}

char outcome(int status) {
  if (status == 401) return 'U';
  if (status == 403) return 'F';
  if (status == 404) return 'N';
  if (status >= 500) return '!';
  return 'A';
}

}  // namespace

TEST_CASE("every route, every role, own group and another: the expected status", "[api][access]") {
  test_server server;
  auto admin = signed_in_as(server, "admin");
  group_ids own{create_group(admin), 0, 0, 0};
  group_ids other{create_group(admin), 0, 0, 0};
  own.member = create_member(admin, own.group, "Own member");
  other.member = create_member(admin, other.group, "Other member");
  for (auto* side : {&own, &other}) {
    auto posted =
        admin.post(group_path(side->group, "/entries"), share_purchase("2026-01-10", "5000", side->member),
                   idempotency("matrix-" + std::to_string(side->group)));
    REQUIRE(posted.status == 201);
    side->entry = posted.json.at("id").as_int64();
    auto moved = admin.post(group_path(side->group, "/operations"),
                            boost::json::value{{"type", "transfer"},
                                               {"date", "2026-01-11"},
                                               {"from", "1010"},
                                               {"to", "1030"},
                                               {"amount", "100"}},
                            idempotency("matrix-op-" + std::to_string(side->group)));
    REQUIRE(moved.status == 201);
    side->operation = moved.json.at("id").as_int64();
    auto closed = admin.post(group_path(side->group, "/periods"),
                             boost::json::value{{"through", "2026-01-31"}, {"kind", "month"}});
    REQUIRE(closed.status == 201);
    side->period = closed.json.at("id").as_int64();
    auto cycle = admin.post(group_path(side->group, "/cycles"),
                            boost::json::value{{"start", "2026-02-02"}, {"share_value", "5000"}});
    REQUIRE(cycle.status == 201);
    side->cycle = cycle.json.at("id").as_int64();
    auto meeting = admin.post(
        group_path(side->group, "/operations"),
        boost::json::value{{"type", "meeting"},
                           {"date", "2026-02-02"},
                           {"members", boost::json::array{{{"member_id", side->member},
                                                           {"shares", 2},
                                                           {"loan", {{"amount", "1000"}, {"months", 2}}}}}}},
        idempotency("matrix-meeting-" + std::to_string(side->group)));
    REQUIRE(meeting.status == 201);
    side->loan = meeting.json.at("loans").at(0).at("loan_id").as_int64();
  }
  const std::vector<std::int64_t> in_own = {own.group};
  for (auto* side : {&own, &other}) {
    auto bystander = signed_in_as(server, "staff", {side->group});
    side->user = bystander.get("/api/v1/me").json.at("user").at("id").as_int64();
  }
  std::map<std::string, std::function<api_client()>> sign_in_role = {
      {"admin", [&] { return signed_in_as(server, "admin"); }},
      {"staff", [&] { return signed_in_as(server, "staff", in_own); }},
      {"treasurer", [&] { return signed_in_as(server, "treasurer", in_own); }},
      {"member", [&] { return signed_in_as(server, "member", in_own, own.member); }},
  };

  // One session per role, except for logout, which ends the session it is called with.
  std::map<std::string, api_client> sessions;
  for (const auto& [role, make] : sign_in_role) sessions.emplace(role, make());

  auto routes = route_table();
  std::set<std::string> seen;
  for (const auto& [method, pattern] : routes) {
    const std::string name = method + " " + pattern;
    seen.insert(name);
    INFO("route " << name);
    auto row = matrix().find(name);
    // A new route needs its row in the matrix above.
    REQUIRE(row != matrix().end());
    const bool body = method != "GET";

    auto anonymous = server.client().send(method, fill(pattern, own), body ? "{}" : "");
    CHECK(outcome(anonymous.status) == (row->second.public_route ? 'A' : 'U'));

    for (const auto& [role, expected] :
         std::map<std::string, std::string>{{"admin", row->second.admin},
                                            {"staff", row->second.staff},
                                            {"treasurer", row->second.treasurer},
                                            {"member", row->second.member}}) {
      std::string got;
      for (const auto* side : {&own, &other}) {
        auto fresh =
            name == "POST /api/v1/auth/logout" ? std::optional(sign_in_role.at(role)()) : std::nullopt;
        api_client& caller = fresh ? *fresh : sessions.at(role);
        // Bodies are empty objects: an allowed write is refused by validation and changes nothing.
        auto reply = caller.send(method, fill(pattern, *side), body ? "{}" : "");
        got += outcome(reply.status);
        if (side == &own) got += '/';
      }
      INFO("role " << role);
      CHECK(got == expected);
    }
  }
  // And no row is left for a route that no longer exists.
  for (const auto& [name, row] : matrix()) {
    INFO("row without a route: " << name);
    CHECK(seen.count(name) == 1);
  }
}
