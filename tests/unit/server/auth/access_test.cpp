// Access policies: the decision alone, and the pipeline's sign-in step with a stand-in authenticator.
#include "server/http/request_context.hpp"
#include "server/http/request_pipeline.hpp"
#include "server/http/responses.hpp"
#include "server/service.hpp"
#include "tests/unit/server/test_support.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace samaki::server;
using samaki::ledger::errc;
using samaki::ledger::group_id;
using samaki::ledger::member_id;

namespace {

principal someone(user_role role, std::vector<group_id> groups = {}, std::optional<member_id> member = {}) {
  return principal{.user = samaki::ledger::user_id(1),
                   .username = "u",
                   .role = role,
                   .groups = std::move(groups),
                   .member = member};
}

// The refusal's code, e.g. "forbidden"; nullopt when allowed.
std::optional<std::string> refusal(const access_policy& policy, const principal* caller,
                                   std::optional<group_id> group = {}, std::optional<member_id> member = {}) {
  auto decision = authorize(policy, caller, group, member);
  if (decision) return std::nullopt;
  return decision.error().code;
}

// Bearer tokens that are simply names of prepared principals.
class token_table final : public authenticator {
 public:
  std::map<std::string, principal, std::less<>> principals;

  awaitable<api_result<principal>> authenticate(request_context& ctx) override {
    const std::string_view header = ctx.header(http::field::authorization);
    const auto it = header.starts_with("Bearer ") ? principals.find(header.substr(7)) : principals.end();
    if (it == principals.end()) co_return api_error::unauthenticated("unknown token");
    co_return it->second;
  }
};

}  // namespace

TEST_CASE("authorize: 401 without a caller, 404 outside the caller's groups, then 403 for the role",
          "[server][access]") {
  const auto treasurer = someone(user_role::treasurer, {group_id(1)});
  const auto admin = someone(user_role::admin);
  const auto member = someone(user_role::member, {group_id(1)}, member_id(7));
  const auto post_entry = access::in_group({user_role::admin, user_role::treasurer});

  CHECK(refusal(access::anyone(), nullptr) == std::nullopt);
  CHECK(refusal(post_entry, nullptr, group_id(1)) == std::string("unauthenticated"));
  CHECK(refusal(post_entry, &treasurer, group_id(1)) == std::nullopt);
  CHECK(refusal(post_entry, &treasurer, group_id(2)) == std::string("not_found"));
  CHECK(refusal(post_entry, &admin, group_id(2)) == std::nullopt);
  CHECK(refusal(post_entry, &member, group_id(1)) == std::string("forbidden"));
  // Another group is unknown to a member, whatever the route: 404, never 403.
  CHECK(refusal(post_entry, &member, group_id(2)) == std::string("not_found"));
  const auto staff = someone(user_role::staff, {group_id(1)});
  CHECK(refusal(post_entry, &staff, group_id(1)) == std::string("forbidden"));
  CHECK(refusal(post_entry, &staff, group_id(2)) == std::string("not_found"));
  CHECK(refusal(post_entry, &treasurer) ==
        std::string("not_found"));  // no group given: refused, not waved through

  const auto statement = access::own_member(role_set::all());
  CHECK(refusal(statement, &member, group_id(1), member_id(7)) == std::nullopt);
  CHECK(refusal(statement, &member, group_id(1), member_id(8)) == std::string("not_found"));
  CHECK(refusal(statement, &treasurer, group_id(1), member_id(8)) == std::nullopt);
  CHECK(refusal(access::signed_in({user_role::admin}), &treasurer) == std::string("forbidden"));

  CHECK(parse_role("treasurer") == user_role::treasurer);
  CHECK_FALSE(parse_role("root"));
  for (auto role : all_roles) CHECK(parse_role(role_name(role)) == role);
}

TEST_CASE("the pipeline signs in, then checks the route's policy before the handler runs",
          "[server][access]") {
  settings config;
  config.db_threads = 1;
  service service(config);
  int handled = 0;
  service.routes.add(http::verb::post, "/api/v1/groups/{gid}/entries",
                     access::in_group({user_role::treasurer}),
                     [&handled](request_context& ctx) -> awaitable<http_response> {
                       ++handled;
                       co_return json_response(http::status::created, {{"by", ctx.caller->username}});
                     });
  auto request = [](std::string_view target, std::string_view token) {
    auto r = make_request(http::verb::post, target, "{}");
    if (!token.empty()) r.set(http::field::authorization, "Bearer " + std::string(token));
    return r;
  };

  // Without an authenticator nobody can sign in.
  CHECK(handle_request_now(service, request("/api/v1/groups/1/entries", "")).result() ==
        http::status::unauthorized);

  auto tokens = std::make_shared<token_table>();
  tokens->principals.emplace("t1", someone(user_role::treasurer, {group_id(1)}));
  tokens->principals.emplace("m1", someone(user_role::member, {group_id(1)}, member_id(3)));
  service.auth = tokens;

  CHECK(handle_request_now(service, request("/api/v1/groups/1/entries", "nope")).result() ==
        http::status::unauthorized);
  CHECK(handle_request_now(service, request("/api/v1/groups/1/entries", "m1")).result() ==
        http::status::forbidden);
  CHECK(handle_request_now(service, request("/api/v1/groups/2/entries", "t1")).result() ==
        http::status::not_found);
  CHECK(handle_request_now(service, request("/api/v1/groups/2/entries", "m1")).result() ==
        http::status::not_found);
  CHECK(handled == 0);
  const auto res = handle_request_now(service, request("/api/v1/groups/1/entries", "t1"));
  CHECK(res.result() == http::status::created);
  CHECK(json_body(res).at("by") == "u");
  CHECK(handled == 1);
}

TEST_CASE("the route table can be listed with each route's policy", "[server][access]") {
  router r;
  auto noop = [](request_context&) -> awaitable<http_response> { co_return http_response{}; };
  r.add(http::verb::get, "/healthz", access::anyone(), noop);
  r.add(http::verb::post, "/api/v1/groups", access::signed_in({user_role::admin}), noop);
  REQUIRE(r.routes().size() == 2);
  CHECK_FALSE(r.routes()[0].access.sign_in_required);
  CHECK(r.routes()[1].access.roles.contains(user_role::admin));
  CHECK_FALSE(r.routes()[1].access.roles.contains(user_role::staff));
}
