#include "server/http/responses.hpp"

namespace samaki::server {

// By the code's class (ledger/error.hpp), with the few codes whose status differs within a class.
http::status status_for(ledger::errc code) {
  using ledger::errc;
  switch (code) {
    case errc::not_found: return http::status::not_found;
    case errc::invalid_json: return http::status::bad_request;
    case errc::unauthenticated: return http::status::unauthorized;
    case errc::forbidden: return http::status::forbidden;
    case errc::payload_too_large: return http::status::payload_too_large;
    case errc::unsupported_media_type: return http::status::unsupported_media_type;
    case errc::rate_limited: return http::status::too_many_requests;
    default: break;
  }
  switch (ledger::class_of(code)) {
    case ledger::error_class::malformed: return http::status::bad_request;
    case ledger::error_class::rule: return http::status::unprocessable_entity;
    case ledger::error_class::state: return http::status::conflict;
    case ledger::error_class::retry: return http::status::service_unavailable;
    case ledger::error_class::internal:
    case ledger::error_class::transport: break;
  }
  return http::status::internal_server_error;
}

}  // namespace samaki::server
