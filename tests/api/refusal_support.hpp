#pragma once
// For API tests that prove a refused request writes nothing: a request with the status and code it must
// be refused with, the entry bodies such requests are made of, and a runner that sends them. Take
// table_checksums before and after the runner to show that nothing was written.
#include "tests/api/ledger_test_support.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace samaki::api_test {

struct refusal {
  std::string name;
  std::string target;
  std::string body;
  std::vector<http_header> headers;
  int status;
  std::string code;
};

// An entry's JSON body, memo "refused".
std::string entry_body(std::string_view date, boost::json::array lines);
// One line of an entry: {"account": account, side: amount}, side "debit" or "credit".
boost::json::value line(std::string_view account, std::string_view side, std::string_view amount);

// Sends every case as `client` and checks its status and error code; a failed check names the case.
void check_refused(api_client& client, const std::vector<refusal>& cases);

// The groups' today as the test server sees it (its default time zone), `days` later (or earlier), as
// YYYY-MM-DD: the date rules are relative to it.
std::string local_day(int days = 0);

}  // namespace samaki::api_test
