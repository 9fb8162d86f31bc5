#pragma once
// Domain failures as values: one stable enum of codes, a human message and optional details.
// The HTTP edge maps each code to a status; the code's name is what clients see.
#include <boost/system/result.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samaki::ledger {

enum class errc {
  bad_request,
  invalid_json,
  unauthenticated,
  forbidden,
  not_found,
  idempotency_conflict,
  period_closed,
  conflict,
  payload_too_large,
  unsupported_media_type,
  unbalanced_entry,
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
  rate_limited,
  unavailable,
  internal,
};

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
