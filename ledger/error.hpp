#pragma once
// Domain failures as values: one stable enum of codes, a human message and optional details.
// Codes fall into classes by numeric range, the way rippled's result codes do, so a caller can act on
// the class without knowing every code: malformed (the request cannot be read as asked), rule (well-formed
// but it breaks a ledger or business rule), state (the books are not in a state that allows it), retry
// (try again later). The HTTP edge maps classes (and not_found) to statuses and has codes of its own for
// what only it sees (invalid_json, unauthenticated, ...); the code's name is what clients see, so names never
// change.
#include <boost/system/result.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samaki::ledger {

enum class errc : std::uint16_t {
  // malformed: 1xx
  bad_request = 100,
  // rule: 2xx
  unbalanced_entry = 200,
  invalid_amount,
  invalid_date,
  unknown_account,
  unknown_member,
  member_required,
  member_not_allowed,
  currency_mismatch,
  insufficient_funds,
  limit_exceeded,
  balance_assertion_failed,
  too_few_lines,
  date_in_future,
  reversal_before_original,
  reversal_of_reversal,
  account_closed,
  account_not_empty,
  shares_out_of_range,
  loan_limit_exceeded,
  loan_in_arrears,
  overpayment,
  loan_outstanding,
  cash_mismatch,
  no_open_cycle,
  not_a_member,
  wrong_group_kind,
  // state: 3xx
  not_found = 300,
  conflict,
  idempotency_conflict,
  period_closed,
  part_of_operation,
  // retry: 4xx
  unavailable = 400,
  // a broken invariant of ours
  internal = 500,
};

enum class error_class { malformed, rule, state, retry, internal };

error_class class_of(errc code);

// The stable machine name of a code, e.g. "unbalanced_entry".
std::string_view code_name(errc code);

// One failure. `details` are key/value pairs a client can act on (e.g. {"field","lines[2].debit"}).
struct error {
  errc code;
  std::string message;
  std::vector<std::pair<std::string, std::string>> details;

  // Boost's result needs a default; it is never a real failure's value.
  error() : code(errc::internal) {}
  error(errc c, std::string msg) : code(c), message(std::move(msg)) {}
  error(errc c, std::string msg, std::vector<std::pair<std::string, std::string>> d)
      : code(c), message(std::move(msg)), details(std::move(d)) {}
};

// Thrown by result<T>::value() on an error: a broken invariant in the caller.
struct error_exception : std::runtime_error {
  explicit error_exception(ledger::error e) : std::runtime_error(e.message), err(std::move(e)) {}
  ledger::error err;
};

[[noreturn]] void throw_exception_from_error(const error& e, const boost::source_location& loc);

template <class T>
using result = boost::system::result<T, error>;

}  // namespace samaki::ledger
