#pragma once
// How the service answers a request it could not read, from Beast's parse error: 413 for a body over the
// limit, 431 for a header over it, 400 for broken HTTP; nothing when nobody is left to answer (a timeout,
// a reset, a client that went away). The connection uses it, and so does the request fuzzer, which reads
// bytes without a socket (tests/fuzz/fuzz_requests.cpp).
#include "server/config.hpp"
#include "server/http/http_types.hpp"

#include <boost/beast/core/error.hpp>

#include <optional>
#include <string>

namespace samaki::server {

struct refusal {
  http::status status;
  std::string code;
  std::string message;
};

std::optional<refusal> refusal_for(boost::beast::error_code ec, const settings& config);

// The message of a 431: the header block over config.header_limit.
std::string header_too_large_message(const settings& config);

}  // namespace samaki::server
