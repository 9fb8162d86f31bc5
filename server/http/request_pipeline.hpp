#pragma once
// What happens to one request once it is read: route, sign-in, access check, handler, error
// mapping, security headers, metrics and the access-log line. No sockets here: tests call it directly.
#include "server/http/http_types.hpp"

#include <string>
#include <string_view>

namespace samaki::server {

struct service;

// The complete response to `request` (keep-alive is the connection's business). `peer_address` is the
// connection's; the client's is found from it and the trusted proxies' header (service::clients).
awaitable<http_response> handle_request(service& service, http_request& request,
                                        std::string_view peer_address);

// The response to a request that could not be read (too large, malformed), finished the same way
// (headers, metrics, log) though no route ran. `request` holds whatever of its header was read.
http_response answer_unreadable(service& service, const http_request& request, std::string_view peer_address,
                                http::status status, std::string_view code, std::string message);

// handle_request run to completion on a private io_context: for tests, with no sockets.
http_response handle_request_now(service& service, http_request request,
                                 std::string_view peer_address = "127.0.0.1");

}  // namespace samaki::server
