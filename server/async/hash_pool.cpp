#include "server/async/hash_pool.hpp"

namespace samaki::server {

hash_pool::hash_pool(std::size_t threads, std::size_t queue_limit)
    : capacity_(threads + queue_limit), keep_running_(boost::asio::make_work_guard(io_)) {
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { io_.run(); });
}

hash_pool::~hash_pool() {
  stop();
}

std::optional<hash_pool::ticket> hash_pool::admit() {
  std::size_t now = admitted_.load();
  do {
    if (now >= capacity_) return std::nullopt;
  } while (!admitted_.compare_exchange_weak(now, now + 1));
  return ticket(admitted_);
}

void hash_pool::stop() {
  keep_running_.reset();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
}

}  // namespace samaki::server
