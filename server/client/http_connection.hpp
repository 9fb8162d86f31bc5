#pragma once
// A small synchronous HTTP/1.1 client on one keep-alive connection to 127.0.0.1, for API tests
// and bench_http. No Beast in this header, so its users compile quickly.
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::client {

struct http_header {
  std::string name;
  std::string value;
};

struct http_reply {
  int status = 0;
  std::vector<http_header> headers;
  std::string body;

  // The first header of that name (case-insensitive), or "" when absent.
  std::string header(std::string_view name) const;
  bool has_header(std::string_view name) const;
};

// Could not connect, the connection broke, or the server took longer than the timeout.
struct http_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class http_connection {
 public:
  explicit http_connection(std::uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(30));
  ~http_connection();
  http_connection(http_connection&&) noexcept;
  http_connection& operator=(http_connection&&) noexcept;

  // One request and its response. Connects (again) as needed; a request on a kept-alive
  // connection the server has meanwhile closed is sent once more on a new one. Headers are sent
  // as given: no Content-Type is added.
  http_reply request(std::string_view method, std::string_view target, std::string_view body = {},
                     const std::vector<http_header>& headers = {});

  // Sends `bytes` exactly as given and reads one response: for malformed or oversized requests.
  http_reply send_raw(std::string_view bytes);

  // Connects if not connected; true when connected afterwards. Throws http_error on failure.
  void connect();
  bool is_open() const;
  void close();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace samaki::client
