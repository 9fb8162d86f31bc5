#pragma once
// The open connections: enforces max_connections and max_connections_per_client and, at shutdown,
// closes those waiting idle between requests (busy ones close after their response).
#include "server/metrics/metrics.hpp"

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace samaki::server {

// A connection as the registry sees it.
class idle_closable {
 public:
  virtual ~idle_closable() = default;
  // Closes the connection if it is waiting for a request; safe from any thread.
  virtual void close_if_idle() = 0;
};

class connection_registry {
 public:
  connection_registry(std::size_t limit, std::size_t per_client_limit, gauge& open_connections);

  // False when at either limit or shutting down: the caller closes the socket at once. `client` is the
  // peer address the connection counts against; empty for one not counted per client (a trusted proxy).
  bool try_add(const std::shared_ptr<idle_closable>& connection, std::string_view client = {});
  void remove(const idle_closable* connection);
  // From now on refuse new connections, and ask every open one to close once idle.
  void drain();
  bool draining() const { return draining_.load(); }
  std::size_t size() const;

 private:
  struct entry {
    std::weak_ptr<idle_closable> connection;
    std::string client;
  };

  const std::size_t limit_;
  const std::size_t per_client_limit_;
  gauge& open_connections_;
  std::atomic<bool> draining_{false};
  mutable std::mutex mutex_;
  std::unordered_map<const idle_closable*, entry> open_;
  std::unordered_map<std::string, std::size_t> per_client_;  // only clients with connections open
};

}  // namespace samaki::server
