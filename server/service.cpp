#include "server/service.hpp"

namespace samaki::server {

service::service(settings cfg, reader_factory make_reader)
    : config(std::move(cfg)),
      clients(config.trusted_proxies, config.client_address_header),
      readers(static_cast<std::size_t>(config.db_threads), std::move(make_reader)),
      hashing(static_cast<std::size_t>(config.hash_threads), config.hash_queue_limit) {}

void service::run_shutdown_hooks() {
  for (auto& hook : shutdown_hooks) hook();
  shutdown_hooks.clear();
}

}  // namespace samaki::server
