#pragma once
// For API tests of cooperatives and joint-task committees: a group of that kind with its treasurer, an
// operation recorded over HTTP, balances read back from the account endpoints, and query text encoded.
#include "tests/api/ledger_test_support.hpp"

#include <boost/json/object.hpp>

#include <map>
#include <string>

namespace samaki::api_test {

// A fresh server, a signed-in admin, a KHR group of `kind` they made, and its treasurer signed in.
struct kind_with_treasurer {
  explicit kind_with_treasurer(std::string_view kind, std::string_view currency = "KHR");
  test_server server;
  api_client admin;
  std::int64_t group;
  api_client treasurer;
};

// POST .../operations with `body` under Idempotency-Key `key`.
json_reply record_operation(api_client& client, std::int64_t group, const boost::json::object& body,
                            const std::string& key);
// The same, which must answer 201: the reply (a failed CHECK names the operation and the error).
json_reply must_record(api_client& client, std::int64_t group, const boost::json::object& body);

// An account's balance as GET .../accounts/{code} gives it ("1500.00"), and one member's on it ("0.00" when
// none).
std::string balance(api_client& client, std::int64_t group, std::string_view code);
std::string member_balance(api_client& client, std::int64_t group, std::string_view code,
                           std::int64_t member);

// Percent-encoding for a query value (Khmer words, spaces).
std::string url_encoded(std::string_view text);

}  // namespace samaki::api_test
