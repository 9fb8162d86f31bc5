#include "server/app.hpp"

namespace samaki::server {

app::app(settings cfg, db_context_factory make_db_context)
    : config(std::move(cfg)),
      clients(config.trusted_proxies, config.client_address_header),
      db(static_cast<std::size_t>(config.db_threads), std::move(make_db_context)),
      hashing(static_cast<std::size_t>(config.hash_threads), config.hash_queue_limit) {}

void app::run_shutdown_hooks() {
  for (auto& hook : shutdown_hooks) hook();
  shutdown_hooks.clear();
}

}  // namespace samaki::server
