#include "ledger/error.hpp"

namespace samaki::ledger {

error_class class_of(errc code) {
  auto n = static_cast<std::uint16_t>(code);
  if (n < 200) return error_class::malformed;
  if (n < 300) return error_class::rule;
  if (n < 400) return error_class::state;
  if (n < 500) return error_class::retry;
  return error_class::internal;
}

std::string_view code_name(errc code) {
  switch (code) {
    case errc::bad_request: return "bad_request";
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
    case errc::date_in_future: return "date_in_future";
    case errc::reversal_before_original: return "reversal_before_original";
    case errc::reversal_of_reversal: return "reversal_of_reversal";
    case errc::account_closed: return "account_closed";
    case errc::account_not_empty: return "account_not_empty";
    case errc::shares_out_of_range: return "shares_out_of_range";
    case errc::loan_limit_exceeded: return "loan_limit_exceeded";
    case errc::loan_in_arrears: return "loan_in_arrears";
    case errc::overpayment: return "overpayment";
    case errc::loan_outstanding: return "loan_outstanding";
    case errc::cash_mismatch: return "cash_mismatch";
    case errc::no_open_cycle: return "no_open_cycle";
    case errc::not_a_member: return "not_a_member";
    case errc::wrong_group_kind: return "wrong_group_kind";
    case errc::not_found: return "not_found";
    case errc::conflict: return "conflict";
    case errc::idempotency_conflict: return "idempotency_conflict";
    case errc::period_closed: return "period_closed";
    case errc::part_of_operation: return "part_of_operation";
    case errc::unavailable: return "unavailable";
    case errc::internal: return "internal";
  }
  return "internal";
}

void throw_exception_from_error(const error& e, const boost::source_location&) {
  throw error_exception(e);
}

}  // namespace samaki::ledger
