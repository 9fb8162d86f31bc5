#pragma once
// For the auth API tests: running `samaki` commands against a test server's database, making users with
// `samaki user add`, signing in, and reading the audit log the server wrote.
#include "tests/api/http_client.hpp"

#include "ledger/access/users.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace samaki::api_test {

struct command_result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `samaki <args...> --db <the server's database>` with `input` on standard input.
command_result run_samaki(const test_server& server, std::vector<std::string> args, std::string_view input);

// `samaki user add`; REQUIREs success and returns the new user's id.
std::int64_t add_user(const test_server& server, std::string username, std::string role, std::string password,
                      std::vector<std::string> more_flags = {});

json_reply login(api_client& client, std::string_view username, std::string_view password);

// A client signed in as `username` with a bearer token.
api_client signed_in(const test_server& server, std::string_view username, std::string_view password);

// The server's audit log, oldest first (read from its database; the server may keep running).
std::vector<ledger::audit_record> audit_log(const test_server& server);
// Only its records of `action`, e.g. "login.failed".
std::vector<ledger::audit_record> audit_log(const test_server& server, std::string_view action);

}  // namespace samaki::api_test
