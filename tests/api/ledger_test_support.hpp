#pragma once
// For API tests of the ledger endpoints: users made with `samaki user add` on the test server's
// database and signed in over HTTP, groups and members made through the API, and a checksum of every
// table so a test can prove that a refused request wrote nothing.
#include "tests/api/http_client.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::api_test {

// Runs `samaki user add` against the server's database (WAL lets it write beside the running server),
// with the password on standard input. Throws std::runtime_error, with the command's output, on failure.
void add_user(const test_server& server, std::string_view username, std::string_view password,
              std::string_view role, const std::vector<std::int64_t>& groups = {},
              std::optional<std::int64_t> member = {});

// POST /api/v1/auth/login: the session's bearer token. Throws unless the login succeeds.
std::string login_token(const test_server& server, std::string_view username, std::string_view password);
// A client that sends such a token.
api_client sign_in(const test_server& server, std::string_view username, std::string_view password);

// A new user of `role` (named after it and a counter), signed in.
api_client signed_in_as(const test_server& server, std::string_view role,
                        const std::vector<std::int64_t>& groups = {},
                        std::optional<std::int64_t> member = {});

// POST /api/v1/groups and .../members as `admin`; the new id. Throws unless 201.
std::int64_t create_group(api_client& admin, std::string_view kind = "savings_group",
                          std::string_view currency = "KHR");
std::int64_t create_member(api_client& client, std::int64_t group, std::string_view name);

std::string group_path(std::int64_t group, std::string_view rest = {});

// How most ledger tests begin: a fresh server, a signed-in admin, a KHR savings group they made, and that
// group's treasurer, signed in. `auto& [server, admin, group, treasurer] = start;` names them.
struct group_with_treasurer {
  group_with_treasurer();
  test_server server;
  api_client admin;
  std::int64_t group;
  api_client treasurer;
};

// A share purchase: Dr 1010 / Cr 3010 for `member`.
boost::json::value share_purchase(std::string_view date, std::string_view amount, std::int64_t member);

// `Idempotency-Key: key`, as a header list.
std::vector<http_header> idempotency(std::string key);

// One "table rows=N sha256=..." line per table of the server's database, read-only while it runs.
std::vector<std::string> table_checksums(const test_server& server);

}  // namespace samaki::api_test
