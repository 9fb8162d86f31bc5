#include "server/http/unreadable_request.hpp"

#include <boost/beast/http/error.hpp>

namespace samaki::server {

std::string header_too_large_message(const settings& config) {
  return "the request headers are larger than " + std::to_string(config.header_limit) + " bytes";
}

std::optional<refusal> refusal_for(boost::beast::error_code ec, const settings& config) {
  if (ec == http::error::body_limit)
    return refusal{http::status::payload_too_large, "payload_too_large",
                   "the body is larger than " + std::to_string(config.body_limit) + " bytes"};
  if (ec == http::error::header_limit)
    return refusal{http::status::request_header_fields_too_large, "bad_request",
                   header_too_large_message(config)};
  // Timeouts, resets, and clients that went away: nobody to answer.
  if (ec.category() != http::make_error_code(http::error::bad_method).category() ||
      ec == http::error::end_of_stream || ec == http::error::partial_message)
    return std::nullopt;
  return refusal{http::status::bad_request, "bad_request", "malformed HTTP request: " + ec.message()};
}

}  // namespace samaki::server
