// Sessions: GET /api/v1/me/sessions and DELETE /api/v1/me/sessions/{sid} (the caller's own), and
// DELETE /api/v1/users/{uid}/sessions (an admin ends all of a user's). Each end is audited, and the
// authenticator forgets what it kept of that user, so an ended session stops working at once.
#include "ledger/store/write_context.hpp"
#include "server/api/audit_trail.hpp"
#include "server/api/auth_handlers.hpp"
#include "server/async/on_writer.hpp"
#include "server/auth/auth_service.hpp"
#include "server/auth/credentials.hpp"
#include "server/auth/session_id.hpp"
#include "server/http/request_context.hpp"
#include "server/http/responses.hpp"
#include "server/json/auth_json.hpp"
#include "server/service.hpp"

#include <boost/json/array.hpp>

#include <functional>

namespace samaki::server {
namespace {

constexpr std::string_view session_param = "sid";
constexpr std::string_view user_param = "uid";

// The token hash of the session this request came with (the authenticator has just accepted it).
std::string current_token_hash(const request_context& ctx) {
  const auto found = find_credential(ctx.request);
  return found ? ledger::token_hash(found->token) : std::string();
}

std::int64_t unix_now(request_context& ctx) {
  if (auto* auth = installed_auth_service(ctx.service)) return auth->now();
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void forget_user(request_context& ctx, ledger::user_id user) {
  if (auto* auth = installed_auth_service(ctx.service)) auth->forget_user(user);
}

awaitable<http_response> list_own_sessions(request_context& ctx) {
  const std::int64_t now = unix_now(ctx);
  const std::string current = current_token_hash(ctx);
  const auto rows = co_await on_reader(
      ctx.service, [&](reader& r) { return ledger::list_sessions(r.db(), ctx.caller->user, now); });
  const auto* auth = installed_auth_service(ctx.service);
  boost::json::array items;
  for (const auto& row : rows) {
    const auto seen = auth ? auth->last_seen(row.token_hash) : std::nullopt;
    items.push_back({{"id", session_id(row.token_hash)},
                     {"created_at", row.created_at},
                     {"expires_at", rfc3339_utc(row.expires_at)},
                     // Used since the server started, or null: only the time it was opened is known.
                     {"last_seen_at", seen ? boost::json::value(rfc3339_utc(*seen)) : nullptr},
                     {"address", row.origin.address},
                     {"device", row.origin.device},
                     {"current", row.token_hash == current}});
  }
  // A user has a handful of live sessions: one page.
  co_return json_response(http::status::ok, {{"items", std::move(items)}, {"next_cursor", nullptr}});
}

// Ends the user's live session whose id is `wanted`; its token hash, or not_found.
std::function<ledger::result<std::string>(ledger::write_context&)> end_own_session_work(
    ledger::user_id user, std::string wanted, std::int64_t now, ledger::audit_record record) {
  return [=](ledger::write_context& w) -> ledger::result<std::string> {
    for (const auto& row : ledger::list_sessions(w.db(), user, now)) {
      if (session_id(row.token_hash) != wanted) continue;
      auto ended = ledger::end_session(w, row.token_hash);
      if (!ended) return ended.error();
      ledger::append_audit(w, record);
      return row.token_hash;
    }
    // Another user's session is as unknown as one that never was.
    return ledger::error(ledger::errc::not_found, "no such session");
  };
}

// The writer work is built before the co_await: see auth_login.cpp on GCC 12 and lambda temporaries.
awaitable<http_response> end_own_session(request_context& ctx) {
  const std::string& wanted = ctx.params.text(session_param);
  auto work = end_own_session_work(ctx.caller->user, wanted, unix_now(ctx),
                                   audit_of(ctx, "session.end", std::nullopt, "session " + wanted));
  const auto ended = co_await on_writer<std::string>(writer_of(ctx), std::move(work));
  if (!ended) co_return error_response(ended.error());
  if (auto* auth = installed_auth_service(ctx.service)) auth->session_ended(*ended);
  forget_user(ctx, ctx.caller->user);
  http_response response{http::status::no_content, 11};
  // Ending the session in use is a logout: the browser drops its cookie too.
  if (*ended == current_token_hash(ctx))
    response.set(http::field::set_cookie, cleared_session_cookie(ctx.service.config.secure_cookie));
  co_return response;
}

// Ends every live session of the user; how many, or not_found for no such user.
std::function<ledger::result<std::int64_t>(ledger::write_context&)> end_user_sessions_work(
    ledger::user_id user, std::int64_t now, ledger::audit_record record) {
  return [=](ledger::write_context& w) mutable -> ledger::result<std::int64_t> {
    if (!ledger::load_user(w.db(), user)) return ledger::error(ledger::errc::not_found, "no such user");
    auto ended = ledger::end_user_sessions(w, user, now);
    if (!ended) return ended;
    record.detail = std::to_string(*ended) + " sessions ended";
    ledger::append_audit(w, record);
    return ended;
  };
}

awaitable<http_response> end_user_sessions(request_context& ctx) {
  const auto user = ctx.params.id<ledger::user_id>(user_param);
  auto work = end_user_sessions_work(
      user, unix_now(ctx),
      audit_of(ctx, "user.sessions.end", std::nullopt, "user " + std::to_string(user.value)));
  const auto ended = co_await on_writer<std::int64_t>(writer_of(ctx), std::move(work));
  if (!ended) co_return error_response(ended.error());
  forget_user(ctx, user);
  co_return json_response(http::status::ok, {{"user_id", user.value}, {"ended", *ended}});
}

}  // namespace

void add_session_routes(service& service) {
  service.routes.add(http::verb::get, "/api/v1/me/sessions", access::signed_in(), list_own_sessions);
  service.routes.add(http::verb::delete_, "/api/v1/me/sessions/{sid:text}", access::signed_in(),
                     end_own_session);
  service.routes.add(http::verb::delete_, "/api/v1/users/{uid}/sessions",
                     access::signed_in({user_role::admin}), end_user_sessions);
}

}  // namespace samaki::server
