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
  std::string_view client_address;  // the client, as a trusted proxy named it, else the peer
  std::string_view peer_address;    // the connection's own peer: the proxy, when there is one
};

void log_access(const access_record& record);

}  // namespace samaki::server
