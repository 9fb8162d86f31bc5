#pragma once
// The service's parts, made once in `samaki serve` (or in a test) and shared by every connection.
#include "ledger/store/store.hpp"
#include "server/api/account_list_cache.hpp"
#include "server/async/hash_pool.hpp"
#include "server/async/read_pool.hpp"
#include "server/auth/authenticator.hpp"
#include "server/config.hpp"
#include "server/http/client_address.hpp"
#include "server/http/router.hpp"
#include "server/metrics/server_metrics.hpp"

#include <functional>
#include <memory>
#include <vector>

namespace samaki::server {

struct service {
  // Starts the database and hash threads; `make_reader` opens each database thread's read session.
  explicit service(settings config, reader_factory make_reader = {});

  settings config;
  server_metrics metrics;
  router routes;
  // Who the client of a request is, given its peer and the trusted proxies' header.
  client_addresses clients;
  // Null means nobody can sign in: every route that needs sign-in answers 401.
  std::shared_ptr<authenticator> auth;
  read_pool readers;
  // Password hashing, apart from the database threads.
  hash_pool hashing;
  // The ledger's writer; owned by whoever made the service (serve, tests), which outlives it.
  ledger::store* store = nullptr;
  // Balances kept between reads; made by attach_store, which also wires the writer to keep it fresh.
  // Null (no caching) for a service whose writes the cache would not hear of.
  std::shared_ptr<account_list_cache> account_lists;
  // Run in order after the last request is answered (e.g. draining the ledger writer).
  std::vector<std::function<void()>> shutdown_hooks;

  void run_shutdown_hooks();
};

// on_reader for a handler that holds the service: co_await on_reader(ctx.service, [&](reader& r) {...}).
template <class F>
auto on_reader(service& a, F work) {
  return on_reader(a.readers, std::move(work));
}

}  // namespace samaki::server
