#pragma once
// The one route table: method, path pattern, access policy and handler of every endpoint.
#include "server/auth/access_policy.hpp"
#include "server/http/http_types.hpp"
#include "server/http/route_pattern.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::server {

struct request_context;

// Every endpoint has this shape; it runs on the connection's strand and must not block
// (database work goes through on_reader).
using route_handler = std::function<awaitable<http_response>(request_context&)>;

struct route {
  http::verb method;
  route_pattern pattern;
  access_policy access;
  route_handler handle;
};

enum class match_outcome { found, not_found, method_not_allowed };

struct route_match {
  match_outcome outcome = match_outcome::not_found;
  const route_handler* handler = nullptr;  // when found
  const access_policy* access = nullptr;   // when found
  std::string_view label;                  // the route's pattern (metrics, logs); "static" for the fallback
  path_params params;
  std::string allow;  // when method_not_allowed: the Allow header, e.g. "GET, HEAD, POST"
};

class router {
 public:
  // Throws std::invalid_argument for a malformed pattern, a duplicate (method, pattern), or a
  // policy that needs a {gid} or {mid} the pattern lacks.
  void add(http::verb method, std::string_view pattern, access_policy access, route_handler handler);

  // GET and HEAD outside /api that no route matches (static files). Other methods there answer 405.
  void set_fallback(access_policy access, route_handler handler);

  // `path` is the encoded path (to tell /api from the rest); `segments` its decoded segments.
  // HEAD matches GET routes.
  route_match find(http::verb method, std::string_view path, std::span<const std::string> segments) const;

  // Every route, for listings and the authorisation matrix.
  const std::vector<route>& routes() const { return routes_; }

 private:
  std::vector<route> routes_;
  std::optional<route_handler> fallback_;
  access_policy fallback_access_;
};

// True for /api and everything under it: those paths never fall back to static files.
bool is_api_path(std::string_view path);

}  // namespace samaki::server
