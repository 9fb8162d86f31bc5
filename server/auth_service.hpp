#pragma once
// The service's authenticator. A session is found by the SHA-256 of its token on a database thread,
// every request: a session ended at logout or past its expiry stops working at once on every thread.
// It also keeps what login needs: the token lifetime, the clock and the throttle.
#include "ledger/access/users.hpp"
#include "server/auth_throttle.hpp"
#include "server/authenticator.hpp"
#include "server/config.hpp"

#include <chrono>
#include <cstdint>
#include <functional>

namespace samaki::server {

struct app;

class auth_service final : public authenticator {
 public:
  // Unix seconds now; tests pass a clock they can move.
  using unix_clock = std::function<std::int64_t()>;

  explicit auth_service(const settings& config, unix_clock now = {});

  awaitable<ledger::result<principal>> authenticate(request_context& ctx) override;

  std::int64_t now() const { return now_(); }
  std::chrono::seconds token_ttl() const { return token_ttl_; }
  login_limiter& limiter() { return limiter_; }

 private:
  unix_clock now_;
  std::chrono::seconds token_ttl_;
  login_limiter limiter_;
};

// The auth_service installed as the app's authenticator, or nullptr when another one (or none) is.
auth_service* installed_auth_service(app& server);

principal principal_of(const ledger::user_info& user);

}  // namespace samaki::server
