#include "server/http/connection_registry.hpp"

#include <vector>

namespace samaki::server {

connection_registry::connection_registry(std::size_t limit, gauge& open_connections)
    : limit_(limit), open_connections_(open_connections) {}

bool connection_registry::try_add(const std::shared_ptr<idle_closable>& connection) {
  std::lock_guard lock(mutex_);
  if (draining_ || open_.size() >= limit_) return false;
  open_.emplace(connection.get(), connection);
  open_connections_.set(static_cast<std::int64_t>(open_.size()));
  return true;
}

void connection_registry::remove(const idle_closable* connection) {
  std::lock_guard lock(mutex_);
  open_.erase(connection);
  open_connections_.set(static_cast<std::int64_t>(open_.size()));
}

void connection_registry::drain() {
  std::vector<std::shared_ptr<idle_closable>> to_close;
  {
    std::lock_guard lock(mutex_);
    // Set before asking: a connection that is busy now sees the flag when it next goes idle.
    draining_ = true;
    for (auto& [key, weak] : open_) {
      if (auto c = weak.lock()) to_close.push_back(std::move(c));
    }
  }
  for (auto& c : to_close) c->close_if_idle();
}

std::size_t connection_registry::size() const {
  std::lock_guard lock(mutex_);
  return open_.size();
}

}  // namespace samaki::server
