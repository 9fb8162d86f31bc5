#pragma once
// The service's authenticator. A session is found by the SHA-256 of its token: from a small in-memory
// cache, else on a database thread (then cached). Logout leaves a tombstone in the cache until the
// session would have expired, so an ended or expired session stops working at once on every thread;
// forget_user drops all a user has in the cache whenever their sessions are ended or they change.
// It also keeps what login needs: the token lifetime, the clock and the throttle.
#include "ledger/access/users.hpp"
#include "server/auth/authenticator.hpp"
#include "server/auth/login_throttle.hpp"
#include "server/config.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace samaki::server {

struct service;

class auth_service final : public authenticator {
 public:
  // Unix seconds now; tests pass a clock they can move.
  using unix_clock = std::function<std::int64_t()>;

  explicit auth_service(const settings& config, unix_clock now = {});

  awaitable<api_result<principal>> authenticate(request_context& ctx) override;

  std::int64_t now() const { return now_(); }
  std::chrono::seconds token_ttl() const { return token_ttl_; }
  login_limiter& limiter() { return limiter_; }

  // Called by logout once the session is ended in the database.
  void session_ended(const std::string& token_hash);

  // Drops everything kept about the user's sessions, so their next request reads the database: call it
  // once the user's sessions are ended, or the user is changed (role, groups), in the database. A
  // lookup that was under way meanwhile is not kept either.
  void forget_user(ledger::user_id user);

  // When the session was last used (unix seconds), if it was since the server started: kept in memory
  // only, so using a session never writes.
  std::optional<std::int64_t> last_seen(const std::string& token_hash) const;

 private:
  struct cached_session {
    principal caller;
    std::string csrf_token;
    std::int64_t expires_at = 0;
    bool ended = false;
  };
  std::optional<cached_session> cached(const std::string& token_hash, std::int64_t now);
  // How many times a user has been forgotten: a lookup begun before one of those is not kept.
  std::uint64_t forgets() const;
  // Never replaces what is there: a tombstone must win over a lookup that raced with logout. Keeps
  // nothing when a user was forgotten since `forgets_before_lookup`.
  void remember(const std::string& token_hash, cached_session session, std::int64_t now,
                std::uint64_t forgets_before_lookup);

  void seen(const std::string& token_hash, std::int64_t at, std::int64_t expires_at);

  unix_clock now_;
  std::chrono::seconds token_ttl_;
  login_limiter limiter_;
  mutable std::mutex cache_mutex_;
  std::unordered_map<std::string, cached_session> sessions_;
  std::uint64_t forgets_ = 0;
  struct sighting {
    std::int64_t at = 0;
    std::int64_t expires_at = 0;
  };
  std::unordered_map<std::string, sighting> last_seen_;
};

// The auth_service installed as the service's authenticator, or nullptr when another one (or none) is.
auth_service* installed_auth_service(service& service);

principal principal_of(const ledger::user_info& user);

}  // namespace samaki::server
