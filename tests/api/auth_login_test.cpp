// Signing in against a real server: the token and cookie, identical refusals, bearer and cookie callers,
// CSRF, logout, throttling, the audit trail, and what the log must never hold.
#include "tests/api/auth_test_support.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <regex>

using namespace samaki::api_test;

namespace {

const std::string root_password = "tonle-sap-1979";

std::string text(const boost::json::value& v, std::string_view key) {
  return std::string(v.at(key).as_string());
}

boost::json::value new_user(std::string_view username) {
  return {
      {"username", username}, {"password", "kampot-pepper"}, {"display_name", "Staff"}, {"role", "staff"}};
}

std::int64_t user_count(api_client& admin) {
  return static_cast<std::int64_t>(admin.get("/api/v1/users").json.at("items").as_array().size());
}

}  // namespace

TEST_CASE("login answers a token, a CSRF token and a strict session cookie", "[api][auth]") {
  test_server server;
  const auto id = add_user(server, "root", "admin", root_password, {"--display-name", "Root Admin"});
  auto client = server.client();
  const auto reply = login(client, "root", root_password);
  REQUIRE(reply.status == 200);
  const std::string token = text(reply.json, "token");
  const std::string csrf = text(reply.json, "csrf_token");
  CHECK(std::regex_match(token, std::regex("[A-Za-z0-9_-]{43}")));
  CHECK(std::regex_match(csrf, std::regex("[A-Za-z0-9_-]{43}")));
  CHECK(csrf != token);
  CHECK(std::regex_match(text(reply.json, "expires_at"), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  CHECK(reply.header("Set-Cookie") ==
        "samaki_session=" + token + "; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200");

  const auto& user = reply.json.at("user");
  CHECK(user.at("id") == id);
  CHECK(user.at("username") == "root");
  CHECK(user.at("display_name") == "Root Admin");
  CHECK(user.at("role") == "admin");
  CHECK(user.at("group_ids") == boost::json::array{});
  CHECK(user.at("member_id").is_null());
  CHECK_THAT(reply.raw.body, !Catch::Contains("argon2") && !Catch::Contains("hash"));

  CHECK(text(login(client, "root", root_password).json, "token") != token);  // every login a new session
}

TEST_CASE("a wrong password and an unknown user get the same answer in about the same time", "[api][auth]") {
  test_server server({"--login-max-failures", "100"});
  add_user(server, "root", "admin", root_password);
  auto client = server.client();
  using clock = std::chrono::steady_clock;
  // The quickest of three, so a slow moment of the machine does not decide.
  const auto quickest = [&](std::string_view username, json_reply& last) {
    auto best = clock::duration::max();
    for (int i = 0; i < 3; ++i) {
      const auto started = clock::now();
      last = login(client, username, "not-the-password");
      best = std::min(best, clock::now() - started);
    }
    return best;
  };
  json_reply wrong, unknown;
  const auto wrong_time = quickest("root", wrong);
  const auto unknown_time = quickest("nobody-by-this-name", unknown);
  CHECK(wrong.status == 401);
  CHECK(unknown.status == 401);
  CHECK(wrong.error_code() == "unauthenticated");
  CHECK(wrong.json == unknown.json);
  CHECK(wrong.raw.body == unknown.raw.body);
  // An unknown user's attempt checks a stand-in hash, so it is not answered much faster.
  CHECK(unknown_time * 10 > wrong_time * 3);
}

TEST_CASE("calls without valid credentials get 401 unauthenticated", "[api][auth]") {
  test_server server;
  auto client = server.client();
  const std::vector<std::vector<http_header>> attempts = {
      {},
      {{"Authorization", "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}},
      {{"Authorization", "Basic cm9vdDpwYXNz"}},
      {{"Cookie", "samaki_session=made-up"}},
  };
  for (const auto& headers : attempts) {
    const auto me = client.get("/api/v1/me", headers);
    CHECK(me.status == 401);
    CHECK(me.error_code() == "unauthenticated");
  }
  CHECK(client.get("/api/v1/users").status == 401);
  CHECK(client.post("/api/v1/auth/logout", boost::json::object{}).status == 401);
}

TEST_CASE("a bearer token or the session cookie signs in, and cookie changes need X-CSRF-Token",
          "[api][auth]") {
  test_server server;
  add_user(server, "root", "admin", root_password);
  auto client = server.client();
  const auto reply = login(client, "root", root_password);
  const std::string token = text(reply.json, "token");
  const std::string csrf = text(reply.json, "csrf_token");
  const http_header cookie{"Cookie", "samaki_session=" + token};

  CHECK(client.get("/api/v1/me", {{"Authorization", "Bearer " + token}}).json.at("user").at("username") ==
        "root");
  const auto by_cookie = client.get("/api/v1/me", {cookie});
  CHECK(by_cookie.status == 200);
  CHECK(by_cookie.json.at("role") == "admin");

  const auto without = client.post("/api/v1/users", new_user("staff1"), {cookie});
  CHECK(without.status == 403);
  CHECK(without.error_code() == "forbidden");
  CHECK(client.post("/api/v1/users", new_user("staff1"), {cookie, {"X-CSRF-Token", "guess"}}).status == 403);
  CHECK(client.post("/api/v1/users", new_user("staff1"), {cookie, {"X-CSRF-Token", csrf}}).status == 201);

  auto bearer = server.client();
  bearer.use_token(token);
  CHECK(bearer.post("/api/v1/users", new_user("staff2")).status == 201);  // no CSRF header needed
  CHECK(user_count(bearer) == 3);
}

TEST_CASE("logout ends that session only, and its token then gets 401", "[api][auth]") {
  test_server server;
  add_user(server, "root", "admin", root_password);
  auto first = signed_in(server, "root", root_password);
  auto second = server.client();
  const auto reply = login(second, "root", root_password);
  const http_header cookie{"Cookie", "samaki_session=" + text(reply.json, "token")};

  const auto out = first.post("/api/v1/auth/logout", boost::json::object{});
  CHECK(out.status == 204);
  CHECK_THAT(out.header("Set-Cookie"), Catch::StartsWith("samaki_session=;") && Catch::Contains("Max-Age=0"));
  CHECK(first.get("/api/v1/me").status == 401);
  CHECK(first.post("/api/v1/auth/logout", boost::json::object{}).status == 401);

  CHECK(second.get("/api/v1/me", {cookie}).status == 200);
  CHECK(second.post("/api/v1/auth/logout", boost::json::object{}, {cookie}).status == 403);
  CHECK(second
            .post("/api/v1/auth/logout", boost::json::object{},
                  {cookie, {"X-CSRF-Token", text(reply.json, "csrf_token")}})
            .status == 204);
  CHECK(second.get("/api/v1/me", {cookie}).status == 401);
}

TEST_CASE(
    "five failed logins lock that username out from that address, even the right password, and every "
    "attempt is audited",
    "[api][auth]") {
  test_server server;
  add_user(server, "root", "admin", root_password);
  add_user(server, "clerk", "staff", "another-password");
  auto client = server.client();
  std::vector<std::string> request_ids;
  for (int i = 0; i < 5; ++i) {
    const auto failed = login(client, "root", "guess-" + std::to_string(i));
    REQUIRE(failed.status == 401);
    request_ids.push_back(failed.header("X-Request-Id"));
  }
  const auto locked = login(client, "root", root_password);
  CHECK(locked.status == 429);
  CHECK(locked.error_code() == "rate_limited");
  CHECK(std::stoi(locked.header("Retry-After")) > 0);
  // Another user from the same address is not held up by root's failures.
  CHECK(login(client, "clerk", "another-password").status == 200);

  const auto failures = audit_log(server, "login.failed");
  REQUIRE(failures.size() == 5);
  for (std::size_t i = 0; i < failures.size(); ++i) {
    CHECK(failures[i].username == "root");
    CHECK(failures[i].address == "127.0.0.1");
    CHECK(failures[i].request_id == request_ids[i]);
    CHECK_FALSE(failures[i].user.has_value());
  }
  const auto throttled = audit_log(server, "login.throttled");
  REQUIRE(throttled.size() == 1);
  CHECK(throttled[0].username == "root");
  CHECK(throttled[0].request_id == locked.header("X-Request-Id"));
  const auto ok = audit_log(server, "login.ok");
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].username == "clerk");
}

TEST_CASE("logins, user changes and logouts are audited, and no password or token reaches the log",
          "[api][auth]") {
  test_server server;
  const auto root_id = add_user(server, "root", "admin", root_password);
  auto client = server.client();
  CHECK(login(client, "root", "wrong-horse-battery").status == 401);
  const auto reply = login(client, "root", root_password);
  REQUIRE(reply.status == 200);
  const std::string token = text(reply.json, "token");
  const std::string csrf = text(reply.json, "csrf_token");
  client.use_token(token);
  auto made = new_user("staff1");
  made.as_object()["password"] = "mekong-delta-77";
  REQUIRE(client.post("/api/v1/users", made).status == 201);
  REQUIRE(client.post("/api/v1/auth/logout", boost::json::object{}).status == 204);
  REQUIRE(server.process().stop() == 0);

  const auto ok = audit_log(server, "login.ok");
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].user == samaki::ledger::user_id(root_id));
  CHECK(ok[0].request_id == reply.header("X-Request-Id"));
  const auto created = audit_log(server, "user.create");
  REQUIRE(created.size() == 2);
  CHECK(created[0].username == "cli");
  CHECK(created[1].username == "root");
  CHECK(created[1].address == "127.0.0.1");
  CHECK_THAT(created[1].detail, Catch::Contains("staff1"));
  REQUIRE(audit_log(server, "logout").size() == 1);

  std::string audit_text;
  for (const auto& r : audit_log(server)) audit_text += r.username + r.target + r.detail + "\n";
  const std::string log = server.process().output();
  CHECK_THAT(log, Catch::Contains("POST /api/v1/auth/login 200"));
  for (const auto& secret :
       {root_password, std::string("wrong-horse-battery"), std::string("mekong-delta-77"), token, csrf}) {
    INFO(secret);
    CHECK_THAT(log, !Catch::Contains(secret));
    CHECK_THAT(audit_text, !Catch::Contains(secret));
  }
}

TEST_CASE("login takes exactly a username and a password, as JSON", "[api][auth]") {
  test_server server;
  auto client = server.client();
  const auto extra =
      client.post("/api/v1/auth/login", {{"username", "root"}, {"password", "x"}, {"otp", "1"}});
  CHECK(extra.status == 400);
  CHECK(extra.error_code() == "bad_request");
  CHECK(client.post("/api/v1/auth/login", {{"username", "root"}}).status == 400);
  CHECK(client.send("POST", "/api/v1/auth/login", "username=root", {{"Content-Type", "text/plain"}}).status ==
        415);
  CHECK(audit_log(server, "login.failed").empty());  // not attempts: nothing to audit or count
}
