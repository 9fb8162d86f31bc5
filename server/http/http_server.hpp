#pragma once
// The running service: binds, serves on config.threads I/O threads, and shuts down gracefully on
// SIGTERM or SIGINT (stop accepting, answer the requests in flight, close idle connections).
#include <memory>
#include <string>

namespace samaki::server {

struct service;

class http_server {
 public:
  explicit http_server(service& service);
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  // Binds config.bind_address:config.port and returns the URL, e.g. "http://127.0.0.1:41234"
  // (with the port the system chose when the setting is 0). Throws on failure.
  std::string listen();

  // Serves until SIGTERM, SIGINT or stop(); returns once every connection has been answered and closed.
  void run();

  // Starts the graceful shutdown; safe from any thread.
  void stop();

 private:
  struct runtime;
  std::unique_ptr<runtime> runtime_;
};

}  // namespace samaki::server
