#include "ledger/error.hpp"

namespace samaki::ledger {

std::string_view code_name(errc code) {
  switch (code) {
    case errc::bad_request: return "bad_request";
    case errc::invalid_json: return "invalid_json";
    case errc::unauthenticated: return "unauthenticated";
    case errc::forbidden: return "forbidden";
    case errc::not_found: return "not_found";
    case errc::idempotency_conflict: return "idempotency_conflict";
    case errc::period_closed: return "period_closed";
    case errc::conflict: return "conflict";
    case errc::payload_too_large: return "payload_too_large";
    case errc::unsupported_media_type: return "unsupported_media_type";
    case errc::unbalanced_entry: return "unbalanced_entry";
    case errc::invalid_amount: return "invalid_amount";
    case errc::invalid_date: return "invalid_date";
    case errc::unknown_account: return "unknown_account";
    case errc::unknown_member: return "unknown_member";
    case errc::member_required: return "member_required";
    case errc::member_not_allowed: return "member_not_allowed";
    case errc::currency_mismatch: return "currency_mismatch";
    case errc::insufficient_funds: return "insufficient_funds";
    case errc::limit_exceeded: return "limit_exceeded";
    case errc::balance_assertion_failed: return "balance_assertion_failed";
    case errc::too_few_lines: return "too_few_lines";
    case errc::rate_limited: return "rate_limited";
    case errc::unavailable: return "unavailable";
    case errc::internal: return "internal";
  }
  return "internal";
}

void throw_exception_from_error(const error& e, const boost::source_location&) {
  throw error_exception(e);
}

}  // namespace samaki::ledger
