#pragma once
// One access-log line per request. Only what is listed here is logged: never bodies, query
// strings, passwords or tokens.
#include <chrono>
#include <string_view>

namespace samaki::server {

struct access_record {
  std::string_view method;
  std::string_view path;  // without the query string
  unsigned status = 0;
  std::chrono::steady_clock::duration elapsed{};
  std::string_view user;  // "-" when nobody signed in
  std::string_view request_id;
  std::string_view client_address;
};

void log_access(const access_record& record);

}  // namespace samaki::server
