// Who the client is, against a real server: behind a trusted proxy, the address it names in
// X-Forwarded-For is what login throttling counts and what the audit trail and the access log record;
// from anyone else the header is ignored.
#include "tests/api/auth_test_support.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace samaki::api_test;

namespace {

const std::string root_password = "tonle-sap-1979";
const std::string clerk_password = "another-password";

json_reply login_from(api_client& client, std::string_view forwarded_for, std::string_view username,
                      std::string_view password) {
  return client.post("/api/v1/auth/login", {{"username", username}, {"password", password}},
                     {{"X-Forwarded-For", std::string(forwarded_for)}});
}

}  // namespace

TEST_CASE("behind a trusted proxy, one client's failures lock out only that username from that client",
          "[api][auth][proxy]") {
  test_server server({"--trusted-proxies", "127.0.0.1"});
  add_user(server, "root", "admin", root_password);
  add_user(server, "clerk", "staff", clerk_password);
  auto proxy = server.client();  // every request comes from the proxy's address, 127.0.0.1
  for (int i = 0; i < 5; ++i)
    REQUIRE(login_from(proxy, "203.0.113.5", "root", "guess-" + std::to_string(i)).status == 401);
  CHECK(login_from(proxy, "203.0.113.5", "root", root_password).status == 429);
  // The same username from another client, and another username from that client, still sign in.
  CHECK(login_from(proxy, "198.51.100.7", "root", root_password).status == 200);
  CHECK(login_from(proxy, "203.0.113.5", "clerk", clerk_password).status == 200);
  // A client cannot choose its address: what it writes left of the proxy's own entry is not believed.
  CHECK(login_from(proxy, "198.51.100.7, 203.0.113.5", "root", root_password).status == 429);

  const auto failures = audit_log(server, "login.failed");
  REQUIRE(failures.size() == 5);
  for (const auto& f : failures) CHECK(f.address == "203.0.113.5");
  std::set<std::string> ok_from;
  for (const auto& r : audit_log(server, "login.ok")) ok_from.insert(r.address);
  CHECK(ok_from == std::set<std::string>{"198.51.100.7", "203.0.113.5"});

  REQUIRE(server.process().stop() == 0);
  CHECK_THAT(server.process().output(), Catch::Contains("POST /api/v1/auth/login 401") &&
                                            Catch::Contains("client=203.0.113.5 via=127.0.0.1"));
}

TEST_CASE("without trusted proxies the forwarded header is ignored: anyone could write any address in it",
          "[api][auth][proxy]") {
  test_server server;
  add_user(server, "root", "admin", root_password);
  auto client = server.client();
  // A guesser that writes a new address each time is still one client.
  for (int i = 0; i < 5; ++i)
    REQUIRE(login_from(client, "10.0.0." + std::to_string(i), "root", "guess-" + std::to_string(i)).status ==
            401);
  CHECK(login_from(client, "10.0.0.99", "root", root_password).status == 429);
  for (const auto& f : audit_log(server, "login.failed")) CHECK(f.address == "127.0.0.1");
}
