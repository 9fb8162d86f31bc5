#pragma once
// The hook that turns a request's credentials into a principal. The service calls it only for
// routes whose policy needs sign-in, then checks the role and group scope itself (authorize()).
#include "ledger/error.hpp"
#include "server/auth/access_policy.hpp"
#include "server/http/api_error.hpp"
#include "server/http/http_types.hpp"

namespace samaki::server {

struct request_context;

class authenticator {
 public:
  virtual ~authenticator() = default;
  // The caller named by the bearer token or session cookie of ctx.request. Failures are values:
  // unauthenticated (missing, unknown or expired credentials), forbidden (a cookie-authenticated
  // change without its X-CSRF-Token), rate_limited. May co_await on_reader.
  virtual awaitable<api_result<principal>> authenticate(request_context& ctx) = 0;
};

}  // namespace samaki::server
