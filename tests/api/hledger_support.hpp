#pragma once
// For API tests that check the hledger export against the trial balance: what the real `hledger -f -
// balance` makes of a journal, and the trial balance's rows in the same form ("5000.00 KHR", credits
// negative), both by account code.
#include "tests/api/http_client.hpp"

#include <boost/json/value.hpp>

#include <map>
#include <string>

namespace samaki::api_test {

// Runs `hledger -f - balance` over `journal` (written into the server's folder); each account code's
// balance, or {"FAILED": hledger's output} when hledger refuses the journal.
std::map<std::string, std::string> hledger_balances(const test_server& server, const std::string& journal);

// GET .../reports/trial-balance's body as code → "debit KHR" or "-credit KHR".
std::map<std::string, std::string> trial_balance_by_code(const boost::json::value& trial_balance);

}  // namespace samaki::api_test
