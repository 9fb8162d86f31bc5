#include "server/http/responses.hpp"

namespace samaki::server {

http::status status_for(ledger::errc code) {
  using ledger::errc;
  switch (code) {
    case errc::bad_request:
    case errc::invalid_json: return http::status::bad_request;
    case errc::unauthenticated: return http::status::unauthorized;
    case errc::forbidden: return http::status::forbidden;
    case errc::not_found: return http::status::not_found;
    case errc::idempotency_conflict:
    case errc::period_closed:
    case errc::conflict: return http::status::conflict;
    case errc::payload_too_large: return http::status::payload_too_large;
    case errc::unsupported_media_type: return http::status::unsupported_media_type;
    // Well-formed requests that break a ledger or business rule.
    case errc::unbalanced_entry:
    case errc::invalid_amount:
    case errc::invalid_date:
    case errc::unknown_account:
    case errc::unknown_member:
    case errc::member_required:
    case errc::member_not_allowed:
    case errc::currency_mismatch:
    case errc::insufficient_funds:
    case errc::limit_exceeded:
    case errc::balance_assertion_failed:
    case errc::too_few_lines: return http::status::unprocessable_entity;
    case errc::rate_limited: return http::status::too_many_requests;
    case errc::unavailable: return http::status::service_unavailable;
    case errc::internal: return http::status::internal_server_error;
  }
  return http::status::internal_server_error;
}

}  // namespace samaki::server
