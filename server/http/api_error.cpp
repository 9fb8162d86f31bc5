#include "server/http/api_error.hpp"

#include <stdexcept>

namespace samaki::server {

http::status status_for(ledger::errc code) {
  if (code == ledger::errc::not_found) return http::status::not_found;
  switch (ledger::class_of(code)) {
    case ledger::error_class::malformed: return http::status::bad_request;
    case ledger::error_class::rule: return http::status::unprocessable_entity;
    case ledger::error_class::state: return http::status::conflict;
    case ledger::error_class::retry: return http::status::service_unavailable;
    case ledger::error_class::internal: break;
  }
  return http::status::internal_server_error;
}

api_error::api_error(const ledger::error& e)
    : status(status_for(e.code)), code(ledger::code_name(e.code)), message(e.message), details(e.details) {}

api_error api_error::invalid_json(std::string message, error_details details) {
  return {http::status::bad_request, "invalid_json", std::move(message), std::move(details)};
}

api_error api_error::unsupported_media_type(std::string message) {
  return {http::status::unsupported_media_type, "unsupported_media_type", std::move(message)};
}

api_error api_error::unauthenticated(std::string message) {
  return {http::status::unauthorized, "unauthenticated", std::move(message)};
}

api_error api_error::forbidden(std::string message, error_details details) {
  return {http::status::forbidden, "forbidden", std::move(message), std::move(details)};
}

api_error api_error::rate_limited(std::string message) {
  return {http::status::too_many_requests, "rate_limited", std::move(message)};
}

void throw_exception_from_error(const api_error& e, const boost::source_location&) {
  throw std::runtime_error(e.code + ": " + e.message);
}

}  // namespace samaki::server
