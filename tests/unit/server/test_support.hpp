#pragma once
// Small helpers for tests that call the service without sockets (see handle_request_now).
#include "server/http/http_types.hpp"

#include <boost/json/value.hpp>

#include <string_view>

namespace samaki::server {

// A request as a client would send it; Content-Type is set when a body is given.
http_request make_request(http::verb method, std::string_view target, std::string_view body = {},
                          std::string_view content_type = "application/json");

// The response body parsed as JSON (throws if it is not JSON).
boost::json::value json_body(const http_response& response);

}  // namespace samaki::server
