#include "server/api/auth_routes.hpp"

#include "ledger/store/queries.hpp"
#include "server/api/audit_trail.hpp"
#include "server/api/auth_handlers.hpp"
#include "server/async/on_writer.hpp"
#include "server/auth/auth_service.hpp"
#include "server/auth/credentials.hpp"
#include "server/http/request_context.hpp"
#include "server/http/responses.hpp"
#include "server/json/auth_json.hpp"
#include "server/service.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace samaki::server {
namespace {

std::function<ledger::result<bool>(ledger::write_context&)> end_session_work(const std::string& token,
                                                                             ledger::audit_record record) {
  return [hash = ledger::token_hash(token), record = std::move(record)](ledger::write_context& w) {
    auto ended = ledger::end_session(w, hash);
    if (ended) ledger::append_audit(w, record);
    return ended;
  };
}

http_response logged_out(bool secure_cookie) {
  http_response response{http::status::no_content, 11};
  response.set(http::field::set_cookie, cleared_session_cookie(secure_cookie));
  return response;
}

http_response me_response(const ledger::user_info& user, const std::vector<ledger::group_info>& groups) {
  boost::json::array group_list;
  for (const auto& g : groups) group_list.push_back(group_summary_json(g));
  boost::json::object body;
  body["user"] = user_json(user);
  body["role"] = role_name(user.role);
  body["groups"] = std::move(group_list);
  return json_response(http::status::ok, body);
}

// The writer work is built before the co_await: see auth_login.cpp on GCC 12 and lambda temporaries.
awaitable<http_response> logout(request_context& ctx) {
  // The authenticator has just accepted this credential.
  const auto found = find_credential(ctx.request);
  if (!found) co_return error_response(http::status::unauthorized, "unauthenticated", "sign in first");
  auto work = end_session_work(found->token, audit_of(ctx, "logout"));
  const auto ended = co_await on_writer<bool>(writer_of(ctx), std::move(work));
  if (!ended) co_return error_response(ended.error());
  if (auto* auth = installed_auth_service(ctx.service)) {
    auth->session_ended(ledger::token_hash(found->token));
    auth->forget_user(ctx.caller->user);
  }
  co_return logged_out(ctx.service.config.secure_cookie);
}

awaitable<http_response> me(request_context& ctx) {
  const principal& caller = *ctx.caller;
  std::optional<std::vector<ledger::group_id>> visible;
  if (caller.role != user_role::admin) visible = caller.groups;
  const auto found = co_await on_reader(ctx.service, [&](reader& r) {
    return std::pair(ledger::load_user(r.db(), caller.user), ledger::list_groups(r.db(), visible));
  });
  if (!found.first) co_return error_response(http::status::unauthorized, "unauthenticated", "sign in again");
  co_return me_response(*found.first, found.second);
}

}  // namespace

ledger::store& writer_of(request_context& ctx) {
  if (ctx.service.store == nullptr)
    throw ledger::error_exception(ledger::error(ledger::errc::unavailable, "the ledger is not open"));
  return *ctx.service.store;
}

void add_auth_routes(service& service) {
  service.routes.add(http::verb::post, "/api/v1/auth/login", access::anyone(), login);
  service.routes.add(http::verb::post, "/api/v1/auth/logout", access::signed_in(), logout);
  service.routes.add(http::verb::get, "/api/v1/me", access::signed_in(), me);
  add_user_routes(service);
  add_session_routes(service);
}

}  // namespace samaki::server
