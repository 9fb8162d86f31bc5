// `samaki serve --demo` prints one login per role; each signs in over HTTP with the password printed and
// sees the groups its role should.
#include "tests/api/auth_test_support.hpp"
#include "tests/api/http_client.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <regex>
#include <thread>

using namespace samaki::api_test;

TEST_CASE("the demo logins printed by serve --demo sign in over HTTP", "[api][demo]") {
  test_server server({"--demo"});
  // The logins are printed once the server listens: wait for the last one.
  std::string output;
  for (int waited = 0; waited < 100; ++waited) {
    output = server.process().output();
    if (output.find("(member:") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  static const std::regex line(R"(\n  (\S+) / (\S+)  \((\w+): )");
  std::map<std::string, std::size_t> groups_seen;
  int logins = 0;
  for (std::sregex_iterator it(output.begin(), output.end(), line), end; it != end; ++it) {
    const std::string username = (*it)[1], password = (*it)[2], role = (*it)[3];
    INFO(username);
    auto client = signed_in(server, username, password);
    const auto me = client.get("/api/v1/me");
    REQUIRE(me.status == 200);
    CHECK(me.json.at("role") == role.c_str());
    groups_seen[username] = me.json.at("groups").as_array().size();
    ++logins;
  }
  CHECK(logins == 8);
  CHECK(groups_seen["admin"] == 5);
  CHECK(groups_seen["field"] == 5);
  CHECK(groups_seen["treasurer"] == 1);
  CHECK(groups_seen["treasurer.kamen"] == 1);
  CHECK(groups_seen["sokha"] == 1);
}
