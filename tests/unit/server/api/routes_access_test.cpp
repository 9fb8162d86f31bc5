// The ledger routes' authorisation matrix, read from the route table: one line per endpoint.
#include "server/api/ledger_routes.hpp"
#include "server/service.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace samaki::server;

namespace {

// "GET /api/v1/groups/{gid} admin,staff,treasurer,member group" and so on.
std::string describe(const route& r) {
  std::string roles;
  for (auto role : all_roles) {
    if (!r.access.roles.contains(role)) continue;
    roles += (roles.empty() ? "" : ",") + std::string(role_name(role));
  }
  std::string out = std::string(to_std(http::to_string(r.method))) + " " + r.pattern.label() + " " + roles;
  if (r.access.group_scoped) out += " group";
  if (r.access.own_member_only) out += " own-member";
  return out;
}

}  // namespace

TEST_CASE("who may call each ledger endpoint", "[server][routes][access]") {
  settings config;
  config.db_threads = 1;
  service service(config);
  add_ledger_routes(service);
  std::set<std::string> matrix;
  for (const auto& r : service.routes.routes()) {
    CHECK(r.access.sign_in_required);
    // Every group route checks the group first, so a group the caller cannot see is always 404.
    if (r.pattern.has_param(group_param)) CHECK(r.access.group_scoped);
    matrix.insert(describe(r));
  }
  const std::string all = "admin,staff,treasurer,member";
  const std::string readers = "admin,staff,treasurer";
  const std::string keepers = "admin,treasurer";
  const std::string g = "/api/v1/groups/{gid}";
  CHECK(matrix == std::set<std::string>{
                      "GET /api/v1/groups " + all,
                      "POST /api/v1/groups admin",
                      "GET " + g + " " + all + " group",
                      "GET " + g + "/members " + readers + " group",
                      "POST " + g + "/members " + keepers + " group",
                      "GET " + g + "/members/{mid} " + all + " group own-member",
                      "GET " + g + "/members/{mid}/statement " + all + " group own-member",
                      "GET " + g + "/accounts " + readers + " group",
                      "POST " + g + "/accounts " + keepers + " group",
                      "GET " + g + "/accounts/{code} " + readers + " group",
                      "POST " + g + "/accounts/{code}/close " + keepers + " group",
                      "POST " + g + "/entries " + keepers + " group",
                      "GET " + g + "/entries " + readers + " group",
                      "GET " + g + "/entries/{id} " + readers + " group",
                      "POST " + g + "/entries/{id}/reverse " + keepers + " group",
                      "POST " + g + "/periods " + keepers + " group",
                      "GET " + g + "/periods " + all + " group",
                      "POST " + g + "/periods/{id}/reopen admin group",
                      "GET " + g + "/reports/trial-balance " + all + " group",
                      "GET " + g + "/reports/balance-sheet " + all + " group",
                      "GET " + g + "/reports/income-statement " + all + " group",
                      "GET " + g + "/reports/trends " + all + " group",
                      "GET " + g + "/reports/cash-book " + readers + " group",
                      "GET " + g + "/reports/general-ledger " + readers + " group",
                      "GET " + g + "/reports/member-balances " + readers + " group",
                      "GET " + g + "/verify " + all + " group",
                      "POST " + g + "/operations " + keepers + " group",
                      "GET " + g + "/operations " + readers + " group",
                      "GET " + g + "/operations/{id} " + readers + " group",
                      "POST " + g + "/operations/{id}/reverse " + keepers + " group",
                      "GET " + g + "/operation-types " + all + " group",
                      "POST " + g + "/cycles " + keepers + " group",
                      "GET " + g + "/cycles " + all + " group",
                      "GET " + g + "/cycles/current " + all + " group",
                      "GET " + g + "/cycles/{id} " + all + " group",
                      "POST " + g + "/cycles/{id}/settings " + keepers + " group",
                      "GET " + g + "/loans " + readers + " group",
                      "GET " + g + "/loans/{id} " + readers + " group",
                      "GET " + g + "/members/{mid}/loans " + all + " group own-member",
                      "GET " + g + "/members/{mid}/passbook " + all + " group own-member",
                      "GET " + g + "/reports/loan-portfolio " + readers + " group",
                      "GET " + g + "/reports/cycle-summary " + all + " group",
                      "GET " + g + "/reports/share-out " + all + " group",
                      "GET " + g + "/export " + readers + " group",
                      "PUT " + g + "/bylaws " + keepers + " group",
                      "GET " + g + "/bylaws " + all + " group",
                      "GET " + g + "/reports/appropriation " + all + " group",
                      "GET " + g + "/reports/annual " + all + " group",
                      "GET " + g + "/reports/harvest " + all + " group",
                      "GET " + g + "/members/{mid}/trades " + all + " group own-member",
                      "GET " + g + "/members/{mid}/harvests " + all + " group own-member",
                      "GET " + g + "/reports/allocation-surplus " + all + " group",
                      "GET /api/v1/audit admin,staff",
                      "GET /api/v1/dashboard " + readers,
                      "GET /api/v1/dashboard/cycle-summaries admin,staff",
                  });
}
