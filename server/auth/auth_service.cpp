#include "server/auth/auth_service.hpp"

#include "server/auth/credentials.hpp"
#include "server/http/request_context.hpp"
#include "server/service.hpp"

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

awaitable<api_result<principal>> auth_service::authenticate(request_context& ctx) {
  const auto found = find_credential(ctx.request);
  if (!found) {
    co_return api_error::unauthenticated(
        "sign in first: send Authorization: Bearer <token> or the session cookie");
  }
  const std::string hash = ledger::token_hash(found->token);
  const std::int64_t at = now_();
  auto session = cached(hash, at);
  if (!session) {
    const std::uint64_t forgets_before = forgets();
    auto stored =
        co_await on_reader(ctx.service, [&](reader& r) { return ledger::find_session(r.db(), hash, at); });
    if (stored) {
      session = cached_session{principal_of(stored->user), stored->csrf_token, stored->expires_at, false};
      remember(hash, *session, at, forgets_before);
    }
  }
  if (!session || session->ended || session->expires_at <= at) {
    co_return api_error::unauthenticated("the session has ended or expired; sign in again");
  }
  if (found->source == credential_source::cookie && changes_state(ctx.request.method()) &&
      !same_secret(ctx.header(csrf_header_name), session->csrf_token)) {
    co_return api_error::forbidden(
        "a change made with the session cookie needs the X-CSRF-Token header given at login");
  }
  seen(hash, at, session->expires_at);
  co_return std::move(session->caller);
}

std::optional<auth_service::cached_session> auth_service::cached(const std::string& token_hash,
                                                                 std::int64_t now) {
  std::lock_guard lock(cache_mutex_);
  auto it = sessions_.find(token_hash);
  if (it == sessions_.end()) return std::nullopt;
  if (it->second.expires_at <= now) {
    sessions_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

std::uint64_t auth_service::forgets() const {
  std::lock_guard lock(cache_mutex_);
  return forgets_;
}

void auth_service::remember(const std::string& token_hash, cached_session session, std::int64_t now,
                            std::uint64_t forgets_before_lookup) {
  constexpr std::size_t most_sessions = 10000;
  std::lock_guard lock(cache_mutex_);
  // Someone was forgotten while this was read: it may be what the database said before that.
  if (forgets_ != forgets_before_lookup) return;
  if (sessions_.size() >= most_sessions) {
    std::erase_if(sessions_, [now](const auto& entry) { return entry.second.expires_at <= now; });
    // Still full: forget live sessions (they reload from the database), never tombstones.
    if (sessions_.size() >= most_sessions)
      std::erase_if(sessions_, [](const auto& entry) { return !entry.second.ended; });
  }
  sessions_.emplace(token_hash, std::move(session));
}

void auth_service::session_ended(const std::string& token_hash) {
  std::lock_guard lock(cache_mutex_);
  auto& entry = sessions_[token_hash];
  entry.ended = true;
  // Kept while the session could otherwise still be valid; then expiry refuses it anyway.
  entry.expires_at = now_() + token_ttl_.count();
}

void auth_service::forget_user(ledger::user_id user) {
  std::lock_guard lock(cache_mutex_);
  ++forgets_;
  // Tombstones stay: they only ever refuse.
  std::erase_if(sessions_, [user](const auto& entry) {
    return !entry.second.ended && entry.second.caller.user == user;
  });
}

void auth_service::seen(const std::string& token_hash, std::int64_t at, std::int64_t expires_at) {
  constexpr std::size_t most_sessions = 10000;
  std::lock_guard lock(cache_mutex_);
  if (last_seen_.size() >= most_sessions && !last_seen_.contains(token_hash)) {
    std::erase_if(last_seen_, [at](const auto& entry) { return entry.second.expires_at <= at; });
    if (last_seen_.size() >= most_sessions) last_seen_.clear();
  }
  last_seen_.insert_or_assign(token_hash, sighting{at, expires_at});
}

std::optional<std::int64_t> auth_service::last_seen(const std::string& token_hash) const {
  std::lock_guard lock(cache_mutex_);
  const auto it = last_seen_.find(token_hash);
  if (it == last_seen_.end()) return std::nullopt;
  return it->second.at;
}

auth_service* installed_auth_service(service& service) {
  return dynamic_cast<auth_service*>(service.auth.get());
}

principal principal_of(const ledger::user_info& user) {
  return principal{.user = user.id,
                   .username = user.username,
                   .role = user.role,
                   .groups = user.groups,
                   .member = user.member};
}

}  // namespace samaki::server
