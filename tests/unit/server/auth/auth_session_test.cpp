// Sessions without sockets: the real auth routes and authenticator on a temporary ledger, with a clock
// the test moves, so expiry needs no waiting. Also the credential and cookie helpers on their own.
#include "server/api/auth_routes.hpp"
#include "server/async/run_sync.hpp"
#include "server/auth/auth_service.hpp"
#include "server/auth/credentials.hpp"
#include "server/auth/user_creation.hpp"
#include "server/http/request_pipeline.hpp"
#include "server/json/auth_json.hpp"
#include "server/ledger_runtime.hpp"
#include "server/service.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"
#include "tests/unit/server/test_support.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <thread>

using namespace samaki;
using namespace samaki::server;

namespace {

constexpr std::int64_t start_time = 1'800'000'000;  // 2027-01-15T08:00:00Z

// A service as `samaki serve` wires it, on a fresh database, with one admin (password "correct horse").
class auth_app {
 public:
  explicit auth_app(bool secure_cookie = false) : store_(test::test_store_options(dir_.file("auth.db"))) {
    settings config;
    config.secure_cookie = secure_cookie;
    config.db_path = dir_.file("auth.db");
    config.db_threads = 1;
    config.hash_threads = 1;
    config.hash_queue_limit = 0;
    config.token_ttl = std::chrono::hours(1);
    service_ = std::make_unique<server::service>(config, read_sessions_on(config.db_path));
    attach_store(*service_, store_);
    service_->auth = std::make_shared<auth_service>(config, [this] { return now.load(); });
    add_auth_routes(*service_);
    ledger::new_user admin{.username = "root",
                           .password = "correct horse",
                           .display_name = "Root",
                           .role = ledger::role::admin,
                           .groups = {},
                           .member = std::nullopt};
    REQUIRE(test::run<ledger::user_info>(store_, create_user_work(hash_new_user(admin), {})).has_value());
  }
  ~auth_app() { service_->run_shutdown_hooks(); }

  // A staff user with the password "battery staple".
  ledger::user_info add_staff(std::string username) {
    ledger::new_user user{.username = std::move(username),
                          .password = "battery staple",
                          .display_name = "",
                          .role = ledger::role::staff,
                          .groups = {},
                          .member = std::nullopt};
    auto made = test::run<ledger::user_info>(store_, create_user_work(hash_new_user(user), {}));
    REQUIRE(made.has_value());
    return *made;
  }

  http_response send(http_request request) {
    return handle_request_now(*service_, std::move(request), "10.0.0.9");
  }

  http_response login(std::string_view password = "correct horse", std::string_view username = "root") {
    return send(make_request(
        http::verb::post, "/api/v1/auth/login",
        R"({"username":")" + std::string(username) + R"(","password":")" + std::string(password) + R"("})"));
  }

  server::service& service() { return *service_; }

  std::atomic<std::int64_t> now{start_time};

 private:
  test::temp_dir dir_;
  ledger::store store_;
  std::unique_ptr<server::service> service_;
};

http_request with_bearer(http_request request, std::string_view token) {
  request.set(http::field::authorization, "Bearer " + std::string(token));
  return request;
}

std::string text_of(const boost::json::value& v, std::string_view key) {
  return std::string(v.at(key).as_string());
}

}  // namespace

TEST_CASE("a session lasts the token lifetime and not a second longer", "[auth][session]") {
  auth_app server;
  const auto signed_in = server.login();
  REQUIRE(signed_in.result() == http::status::ok);
  const auto body = json_body(signed_in);
  const std::string token = text_of(body, "token");
  CHECK(text_of(body, "expires_at") == "2027-01-15T09:00:00Z");
  CHECK(to_std(signed_in[http::field::set_cookie]) ==
        "samaki_session=" + token + "; HttpOnly; SameSite=Strict; Path=/; Max-Age=3600");

  const auto me = [&] {
    return server.send(with_bearer(make_request(http::verb::get, "/api/v1/me"), token));
  };
  CHECK(me().result() == http::status::ok);
  server.now = start_time + 3599;
  CHECK(me().result() == http::status::ok);
  server.now = start_time + 3600;
  const auto expired = me();
  CHECK(expired.result() == http::status::unauthorized);
  CHECK(json_body(expired).at("error").at("code") == "unauthenticated");
}

TEST_CASE("a cookie session needs the CSRF token for changes, a bearer token does not", "[auth][session]") {
  auth_app server;
  const auto body = json_body(server.login());
  const std::string cookie = "theme=dark; samaki_session=" + text_of(body, "token");
  const std::string csrf = text_of(body, "csrf_token");

  auto read = make_request(http::verb::get, "/api/v1/users");
  read.set(http::field::cookie, cookie);
  CHECK(server.send(read).result() == http::status::ok);

  auto change = make_request(http::verb::post, "/api/v1/users", "{}");
  change.set(http::field::cookie, cookie);
  const auto refused = server.send(change);
  CHECK(refused.result() == http::status::forbidden);
  CHECK(json_body(refused).at("error").at("code") == "forbidden");
  change.set(csrf_header_name, "not-" + csrf);
  CHECK(server.send(change).result() == http::status::forbidden);
  change.set(csrf_header_name, csrf);
  CHECK(server.send(change).result() == http::status::bad_request);  // past sign-in: the body is wrong

  const auto bearer =
      server.send(with_bearer(make_request(http::verb::post, "/api/v1/users", "{}"), text_of(body, "token")));
  CHECK(bearer.result() == http::status::bad_request);
}

TEST_CASE("logout ends the session at once", "[auth][session]") {
  auth_app server;
  const std::string token = text_of(json_body(server.login()), "token");
  const auto out = server.send(with_bearer(make_request(http::verb::post, "/api/v1/auth/logout"), token));
  CHECK(out.result() == http::status::no_content);
  CHECK(to_std(out[http::field::set_cookie]) ==
        "samaki_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
  CHECK(server.send(with_bearer(make_request(http::verb::get, "/api/v1/me"), token)).result() ==
        http::status::unauthorized);
}

TEST_CASE("ending a user's sessions drops what the authenticator kept of them", "[auth][session]") {
  auth_app server;
  const auto clerk = server.add_staff("clerk");
  const std::string root = text_of(json_body(server.login()), "token");
  const std::string token = text_of(json_body(server.login("battery staple", "clerk")), "token");
  const auto me = [&](const std::string& t) {
    return server.send(with_bearer(make_request(http::verb::get, "/api/v1/me"), t)).result();
  };
  REQUIRE(me(token) == http::status::ok);  // kept in memory from now on
  const auto ended = server.send(with_bearer(
      make_request(http::verb::delete_, "/api/v1/users/" + std::to_string(clerk.id.value) + "/sessions"),
      root));
  REQUIRE(ended.result() == http::status::ok);
  CHECK(json_body(ended).at("ended") == 1);
  CHECK(me(token) == http::status::unauthorized);
  CHECK(me(root) == http::status::ok);

  // Forgetting alone ends nothing: the session is read again from the database.
  const std::string again = text_of(json_body(server.login("battery staple", "clerk")), "token");
  REQUIRE(me(again) == http::status::ok);
  installed_auth_service(server.service())->forget_user(clerk.id);
  CHECK(me(again) == http::status::ok);
}

TEST_CASE("while the hash threads are full, logins are refused at once and reads go on", "[auth][session]") {
  auth_app server;  // one hash thread, no queue
  const std::string root = text_of(json_body(server.login()), "token");
  std::promise<void> release;
  auto occupied = std::async(std::launch::async, [&server, released = release.get_future().share()] {
    return run_sync(on_hash_pool(server.service().hashing, [released] {
      released.wait();
      return true;
    }));
  });
  while (server.service().hashing.admitted() < 1) std::this_thread::yield();

  const auto busy = server.login();
  CHECK(busy.result() == http::status::service_unavailable);
  CHECK(json_body(busy).at("error").at("code") == "unavailable");
  CHECK(to_std(busy[http::field::retry_after]) == "1");
  // Reads need no hash thread.
  const auto users = server.send(with_bearer(make_request(http::verb::get, "/api/v1/users"), root));
  CHECK(users.result() == http::status::ok);
  // A refusal for want of a thread is no failed attempt: five of them lock nobody out.
  for (int i = 0; i < 5; ++i) REQUIRE(server.login("wrong").result() == http::status::service_unavailable);

  release.set_value();
  REQUIRE(occupied.get().has_value());
  CHECK(server.login().result() == http::status::ok);
}

TEST_CASE("with secure_cookie the session cookie is only for HTTPS", "[auth][session]") {
  auth_app server(true);
  const auto signed_in = server.login();
  REQUIRE(signed_in.result() == http::status::ok);
  const std::string token = text_of(json_body(signed_in), "token");
  CHECK(to_std(signed_in[http::field::set_cookie]) ==
        "samaki_session=" + token + "; HttpOnly; SameSite=Strict; Secure; Path=/; Max-Age=3600");
  const auto out = server.send(with_bearer(make_request(http::verb::post, "/api/v1/auth/logout"), token));
  CHECK(to_std(out[http::field::set_cookie]) ==
        "samaki_session=; HttpOnly; SameSite=Strict; Secure; Path=/; Max-Age=0");
}

TEST_CASE("login refuses a body with unknown fields or without JSON", "[auth][session]") {
  auth_app server;
  const auto extra =
      server.send(make_request(http::verb::post, "/api/v1/auth/login",
                               R"({"username":"root","password":"correct horse","remember":true})"));
  CHECK(extra.result() == http::status::bad_request);
  const auto form = server.send(make_request(http::verb::post, "/api/v1/auth/login", "username=root",
                                             "application/x-www-form-urlencoded"));
  CHECK(form.result() == http::status::unsupported_media_type);
}

TEST_CASE("credentials come from a bearer header first, else the session cookie", "[auth][session]") {
  CHECK_FALSE(find_credential("", ""));
  CHECK_FALSE(find_credential("Basic dXNlcjpwYXNz", "other=1"));
  CHECK_FALSE(find_credential("Bearer ", "samaki_session="));
  const auto bearer = find_credential("bearer abc", "samaki_session=xyz");
  REQUIRE(bearer);
  CHECK(bearer->token == "abc");
  CHECK(bearer->source == credential_source::bearer);
  const auto cookie = find_credential("", "a=1;  samaki_session=xyz ; b=2");
  REQUIRE(cookie);
  CHECK(cookie->token == "xyz");
  CHECK(cookie->source == credential_source::cookie);
  CHECK_FALSE(find_credential("", "not_samaki_session=xyz"));

  CHECK(changes_state(http::verb::post));
  CHECK(changes_state(http::verb::delete_));
  CHECK_FALSE(changes_state(http::verb::get));
  CHECK_FALSE(changes_state(http::verb::head));
  CHECK(same_secret("abc", "abc"));
  CHECK_FALSE(same_secret("abc", "abd"));
  CHECK_FALSE(same_secret("abc", "ab"));
  CHECK(rfc3339_utc(0) == "1970-01-01T00:00:00Z");
  CHECK(rfc3339_utc(start_time) == "2027-01-15T08:00:00Z");
}
