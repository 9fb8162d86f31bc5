// POST and GET /api/v1/users, for admins.
#include "server/api/audit_trail.hpp"
#include "server/api/auth_handlers.hpp"
#include "server/async/hash_pool.hpp"
#include "server/async/on_writer.hpp"
#include "server/auth/user_creation.hpp"
#include "server/http/request_context.hpp"
#include "server/http/responses.hpp"
#include "server/json/auth_json.hpp"
#include "server/json/json_edge.hpp"
#include "server/service.hpp"

namespace samaki::server {
namespace {

api_result<ledger::new_user> read_new_user(const http_request& request) {
  auto body = parse_json_body(request);
  if (!body) return body.error();
  const json_fields fields(*body);
  if (auto only = fields.only({"username", "password", "display_name", "role", "group_ids", "member_id"});
      !only)
    return only.error();
  auto username = fields.required_string("username");
  if (!username) return username.error();
  auto password = fields.required_string("password");
  if (!password) return password.error();
  auto display_name = fields.optional_string("display_name");
  if (!display_name) return display_name.error();
  auto role_text = fields.required_string("role");
  if (!role_text) return role_text.error();
  const auto role = parse_role(*role_text);
  if (!role) {
    return ledger::error(ledger::errc::bad_request, "\"role\" must be one of admin, staff, treasurer, member",
                         {{"field", "role"}});
  }
  auto group_ids = fields.optional_id_array("group_ids");
  if (!group_ids) return group_ids.error();
  auto member = fields.optional_id("member_id");
  if (!member) return member.error();

  ledger::new_user user{.username = std::move(*username),
                        .password = std::move(*password),
                        .display_name = display_name->value_or(""),
                        .role = *role,
                        .groups = {},
                        .member = std::nullopt};
  for (auto g : *group_ids) user.groups.emplace_back(g);
  if (*member) user.member = ledger::member_id(**member);
  return user;
}

http_response users_response(const std::vector<ledger::user_info>& users) {
  boost::json::array items;
  for (const auto& u : users) items.push_back(user_json(u));
  boost::json::object body;
  body["items"] = std::move(items);
  body["next_cursor"] = nullptr;  // every user on one page: a deployment has a few dozen
  return json_response(http::status::ok, body);
}

// The writer work is built before the co_await: see auth_login.cpp on GCC 12 and lambda temporaries.
awaitable<http_response> create_user(request_context& ctx) {
  auto user = read_new_user(ctx.request);
  if (!user) co_return error_response(user.error());
  auto hashed = co_await on_hash_pool(ctx.service.hashing, [&] { return hash_new_user(std::move(*user)); });
  if (!hashed) co_return busy_response(hashed.error());
  auto work = create_user_work(std::move(*hashed), audit_of(ctx, "user.create"));
  const auto created = co_await on_writer<ledger::user_info>(writer_of(ctx), std::move(work));
  if (!created) co_return error_response(created.error());
  co_return json_response(http::status::created, user_json(*created));
}

awaitable<http_response> list_users(request_context& ctx) {
  const auto users = co_await on_reader(ctx.service, [](reader& r) { return ledger::list_users(r.db()); });
  co_return users_response(users);
}

}  // namespace

void add_user_routes(service& service) {
  const auto admins = access::signed_in({user_role::admin});
  service.routes.add(http::verb::post, "/api/v1/users", admins, create_user);
  service.routes.add(http::verb::get, "/api/v1/users", admins, list_users);
}

}  // namespace samaki::server
