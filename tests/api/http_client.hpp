#pragma once
// Helpers for API tests: a fresh `samaki serve` on a temporary database, and a client that speaks
// JSON to it. Built on samaki_server_client (server/client/).
#include "server/client/http_connection.hpp"
#include "server/client/server_process.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samaki::api_test {

using client::http_header;

// A response with its body parsed as JSON (null when the body is empty or not JSON).
struct json_reply {
  int status = 0;
  client::http_reply raw;
  boost::json::value json;

  std::string header(std::string_view name) const { return raw.header(name); }
  // The stable error code of an error response, or "".
  std::string error_code() const;
};

class api_client {
 public:
  explicit api_client(std::uint16_t port);

  // Sent as `Authorization: Bearer <token>` from now on.
  void use_token(std::string token) { token_ = std::move(token); }

  json_reply get(std::string_view target, std::vector<http_header> headers = {});
  json_reply post(std::string_view target, const boost::json::value& body,
                  std::vector<http_header> headers = {});
  // Any method with a raw body; Content-Type: application/json is added when there is a body and
  // no Content-Type among `headers`.
  json_reply send(std::string_view method, std::string_view target, std::string_view body = {},
                  std::vector<http_header> headers = {});

  client::http_connection& connection() { return connection_; }

 private:
  client::http_connection connection_;
  std::string token_;
};

// `samaki serve --port 0` in its own temporary folder (its working directory) with its own database;
// both go away with it. `extra_args` are more flags for serve, e.g. {"--max-connections", "2"}.
class test_server {
 public:
  explicit test_server(std::vector<std::string> extra_args = {},
                       std::vector<std::pair<std::string, std::string>> environment = {});
  ~test_server();
  test_server(const test_server&) = delete;
  test_server& operator=(const test_server&) = delete;

  std::uint16_t port() const { return process_->port(); }
  client::server_process& process() { return *process_; }
  const std::filesystem::path& folder() const { return folder_; }
  api_client client() const { return api_client(port()); }

 private:
  std::filesystem::path folder_;
  std::unique_ptr<client::server_process> process_;
};

}  // namespace samaki::api_test
