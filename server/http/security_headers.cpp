#include "server/http/security_headers.hpp"

namespace samaki::server {

void add_security_headers(http_response& response, bool is_api) {
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  response.set("X-Frame-Options", "DENY");
  response.set("Content-Security-Policy",
               "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'");
  if (is_api && response.find(http::field::cache_control) == response.end()) {
    response.set(http::field::cache_control, "no-store");
  }
}

}  // namespace samaki::server
