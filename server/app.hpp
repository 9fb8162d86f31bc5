#pragma once
// The service's parts, made once in `samaki serve` (or in a test) and shared by every connection.
#include "ledger/store/store.hpp"
#include "server/api/account_list_cache.hpp"
#include "server/async/db_executor.hpp"
#include "server/async/hash_pool.hpp"
#include "server/auth/authenticator.hpp"
#include "server/config.hpp"
#include "server/http/client_address.hpp"
#include "server/http/router.hpp"
#include "server/metrics/server_metrics.hpp"

#include <functional>
#include <memory>
#include <vector>

namespace samaki::server {

struct app {
  // Starts the database and hash threads; `make_db_context` opens each database thread's read session.
  explicit app(settings config, db_context_factory make_db_context = {});

  settings config;
  server_metrics metrics;
  router routes;
  // Who the client of a request is, given its peer and the trusted proxies' header.
  client_addresses clients;
  // Null means nobody can sign in: every route that needs sign-in answers 401.
  std::shared_ptr<authenticator> auth;
  db_executor db;
  // Password hashing, apart from the database threads.
  hash_pool hashing;
  // The ledger's writer; owned by whoever made the app (serve, tests), which outlives it.
  ledger::store* store = nullptr;
  // Balances kept between reads; made by attach_store, which also wires the writer to keep it fresh.
  // Null (no caching) for an app whose writes the cache would not hear of.
  std::shared_ptr<account_list_cache> account_lists;
  // Run in order after the last request is answered (e.g. draining the ledger writer).
  std::vector<std::function<void()>> shutdown_hooks;

  void run_shutdown_hooks();
};

// on_db for a handler that holds the app: co_await on_db(ctx.server, [&](db_thread_context& db) {...}).
template <class F>
auto on_db(app& a, F work) {
  return on_db(a.db, std::move(work));
}

}  // namespace samaki::server
