#pragma once
// The errors of the HTTP layer, apart from the ledger's: every refusal the API gives has a status, a stable
// code and a message (api.md's error body). A ledger error becomes one by its class (ledger/error.hpp); the
// transport makes its own for what only it can see — a body that is not JSON, no or bad credentials, a role
// that may not, a body too large, a flood of logins.
#include "ledger/error.hpp"
#include "server/http/http_types.hpp"

#include <boost/system/result.hpp>

#include <string>
#include <utility>
#include <vector>

namespace samaki::server {

using error_details = std::vector<std::pair<std::string, std::string>>;

// The HTTP status of each ledger error code: by class, with the few codes whose status differs within one.
http::status status_for(ledger::errc code);

struct api_error {
  http::status status = http::status::internal_server_error;
  std::string code;
  std::string message;
  error_details details;

  api_error() = default;
  api_error(http::status s, std::string c, std::string m, error_details d = {})
      : status(s), code(std::move(c)), message(std::move(m)), details(std::move(d)) {}
  // A ledger error as the API answers it.
  api_error(const ledger::error& e);  // NOLINT(google-explicit-constructor): every ledger error is one

  static api_error invalid_json(std::string message, error_details details = {});
  static api_error unsupported_media_type(std::string message);
  static api_error unauthenticated(std::string message);
  static api_error forbidden(std::string message, error_details details = {});
  static api_error rate_limited(std::string message);
};

// Thrown by api_result<T>::value() on an error: a broken invariant in the caller.
[[noreturn]] void throw_exception_from_error(const api_error& e, const boost::source_location& loc);

template <class T>
using api_result = boost::system::result<T, api_error>;

}  // namespace samaki::server
