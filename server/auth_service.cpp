#include "server/auth_service.hpp"

#include "server/app.hpp"
#include "server/auth_credentials.hpp"
#include "server/request_context.hpp"

namespace samaki::server {
namespace {

std::int64_t system_unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

auth_service::auth_service(const settings& config, unix_clock now)
    : now_(now ? std::move(now) : unix_clock(system_unix_seconds)),
      token_ttl_(config.token_ttl),
      limiter_(config.login) {}

awaitable<ledger::result<principal>> auth_service::authenticate(request_context& ctx) {
  const auto found = find_credential(ctx.request);
  if (!found) {
    co_return ledger::error(ledger::errc::unauthenticated,
                            "sign in first: send Authorization: Bearer <token> or the session cookie");
  }
  const std::string hash = ledger::token_hash(found->token);
  const std::int64_t at = now_();
  auto session = co_await on_db(
      ctx.server, [&](db_thread_context& db) { return ledger::find_session(db.db(), hash, at); });
  if (!session) {
    co_return ledger::error(ledger::errc::unauthenticated, "the session has ended or expired; sign in again");
  }
  if (found->source == credential_source::cookie && changes_state(ctx.request.method()) &&
      !same_secret(ctx.header(csrf_header_name), session->csrf_token)) {
    co_return ledger::error(
        ledger::errc::forbidden,
        "a change made with the session cookie needs the X-CSRF-Token header given at login");
  }
  co_return principal_of(session->user);
}

auth_service* installed_auth_service(app& server) {
  return dynamic_cast<auth_service*>(server.auth.get());
}

principal principal_of(const ledger::user_info& user) {
  return principal{.user = user.id,
                   .username = user.username,
                   .role = user.role,
                   .groups = user.groups,
                   .member = user.member};
}

}  // namespace samaki::server
