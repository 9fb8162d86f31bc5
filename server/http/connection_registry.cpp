#include "server/http/connection_registry.hpp"

#include <vector>

namespace samaki::server {

connection_registry::connection_registry(std::size_t limit, std::size_t per_client_limit,
                                         gauge& open_connections)
    : limit_(limit), per_client_limit_(per_client_limit), open_connections_(open_connections) {}

bool connection_registry::try_add(const std::shared_ptr<idle_closable>& connection, std::string_view client) {
  std::lock_guard lock(mutex_);
  if (draining_ || open_.size() >= limit_) return false;
  if (!client.empty()) {
    auto& count = per_client_[std::string(client)];
    if (count >= per_client_limit_) return false;
    ++count;
  }
  open_.emplace(connection.get(), entry{connection, std::string(client)});
  open_connections_.set(static_cast<std::int64_t>(open_.size()));
  return true;
}

void connection_registry::remove(const idle_closable* connection) {
  std::lock_guard lock(mutex_);
  const auto it = open_.find(connection);
  if (it == open_.end()) return;
  if (!it->second.client.empty()) {
    const auto count = per_client_.find(it->second.client);
    if (count != per_client_.end() && --count->second == 0) per_client_.erase(count);
  }
  open_.erase(it);
  open_connections_.set(static_cast<std::int64_t>(open_.size()));
}

void connection_registry::drain() {
  std::vector<std::shared_ptr<idle_closable>> to_close;
  {
    std::lock_guard lock(mutex_);
    // Set before asking: a connection that is busy now sees the flag when it next goes idle.
    draining_ = true;
    for (auto& [key, e] : open_) {
      if (auto c = e.connection.lock()) to_close.push_back(std::move(c));
    }
  }
  for (auto& c : to_close) c->close_if_idle();
}

std::size_t connection_registry::size() const {
  std::lock_guard lock(mutex_);
  return open_.size();
}

}  // namespace samaki::server
