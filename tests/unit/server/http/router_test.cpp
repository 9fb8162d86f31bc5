// The route table: matching, path parameters, and 404 versus 405.
#include "server/http/router.hpp"
#include "server/http/request_context.hpp"
#include "server/http/request_pipeline.hpp"
#include "server/http/responses.hpp"
#include "server/service.hpp"
#include "tests/unit/server/test_support.hpp"

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace samaki::server;

namespace {

awaitable<http_response> answer_ok(request_context&) {
  co_return json_response(http::status::ok, {{"ok", true}});
}

std::vector<std::string> split(std::string_view path) {
  std::vector<std::string> segments;
  if (path == "/") return segments;
  path.remove_prefix(1);
  for (auto slash = path.find('/');; slash = path.find('/')) {
    segments.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

router sample_router() {
  router r;
  r.add(http::verb::get, "/api/v1/groups", access::anyone(), answer_ok);
  r.add(http::verb::post, "/api/v1/groups", access::anyone(), answer_ok);
  r.add(http::verb::get, "/api/v1/groups/{gid}/entries/{id}", access::anyone(), answer_ok);
  r.add(http::verb::get, "/api/v1/groups/{gid}/accounts/{code:text}", access::anyone(), answer_ok);
  return r;
}

route_match find(const router& r, http::verb method, std::string_view path) {
  const auto segments = split(path);
  return r.find(method, path, segments);
}

}  // namespace

TEST_CASE("route patterns capture ids and text", "[server][router]") {
  const router r = sample_router();
  auto m = find(r, http::verb::get, "/api/v1/groups/7/entries/42");
  REQUIRE(m.outcome == match_outcome::found);
  CHECK(m.label == "/api/v1/groups/{gid}/entries/{id}");
  CHECK(m.params.id("gid") == 7);
  CHECK(m.params.id<samaki::ledger::entry_id>("id") == samaki::ledger::entry_id(42));

  m = find(r, http::verb::get, "/api/v1/groups/7/accounts/1010");
  REQUIRE(m.outcome == match_outcome::found);
  CHECK(m.params.text("code") == "1010");
  CHECK(m.label == "/api/v1/groups/{gid}/accounts/{code}");
  CHECK_THROWS_AS(m.params.id("code"), std::logic_error);
}

TEST_CASE("ids that are not positive canonical integers match nothing", "[server][router]") {
  const router r = sample_router();
  for (const char* path :
       {"/api/v1/groups/abc/entries/1", "/api/v1/groups/0/entries/1", "/api/v1/groups/-1/entries/1",
        "/api/v1/groups/007/entries/1", "/api/v1/groups/1.5/entries/1",
        "/api/v1/groups/99999999999999999999/entries/1", "/api/v1/groups/+3/entries/1"}) {
    INFO(path);
    CHECK(find(r, http::verb::get, path).outcome == match_outcome::not_found);
  }
  CHECK(parse_id("9223372036854775807") == INT64_MAX);
  CHECK_FALSE(parse_id("9223372036854775808"));
}

TEST_CASE("an unknown path is 404, a known path with another method is 405 with Allow", "[server][router]") {
  const router r = sample_router();
  CHECK(find(r, http::verb::get, "/api/v1/nothing").outcome == match_outcome::not_found);
  CHECK(find(r, http::verb::get, "/api/v1/groups/").outcome == match_outcome::not_found);
  CHECK(find(r, http::verb::get, "/api/v1/groups/1/entries").outcome == match_outcome::not_found);

  auto m = find(r, http::verb::delete_, "/api/v1/groups");
  REQUIRE(m.outcome == match_outcome::method_not_allowed);
  CHECK(m.allow == "GET, HEAD, POST");
  m = find(r, http::verb::post, "/api/v1/groups/1/entries/2");
  REQUIRE(m.outcome == match_outcome::method_not_allowed);
  CHECK(m.allow == "GET, HEAD");
}

TEST_CASE("HEAD matches GET routes", "[server][router]") {
  const router r = sample_router();
  CHECK(find(r, http::verb::head, "/api/v1/groups").outcome == match_outcome::found);
}

TEST_CASE("the fallback takes GET outside /api only", "[server][router]") {
  router r = sample_router();
  r.set_fallback(access::anyone(), answer_ok);
  auto m = find(r, http::verb::get, "/app.js");
  REQUIRE(m.outcome == match_outcome::found);
  CHECK(m.label == "static");
  CHECK(find(r, http::verb::get, "/").outcome == match_outcome::found);
  CHECK(find(r, http::verb::get, "/api/v1/unknown").outcome == match_outcome::not_found);
  CHECK(find(r, http::verb::get, "/api").outcome == match_outcome::not_found);
  m = find(r, http::verb::post, "/index.html");
  REQUIRE(m.outcome == match_outcome::method_not_allowed);
  CHECK(m.allow == "GET, HEAD");
}

TEST_CASE("malformed routes are refused when added", "[server][router]") {
  router r;
  CHECK_THROWS_AS(r.add(http::verb::get, "no/slash", access::anyone(), answer_ok), std::invalid_argument);
  CHECK_THROWS_AS(r.add(http::verb::get, "/a//b", access::anyone(), answer_ok), std::invalid_argument);
  CHECK_THROWS_AS(r.add(http::verb::get, "/a/{id}/{id}", access::anyone(), answer_ok), std::invalid_argument);
  CHECK_THROWS_AS(r.add(http::verb::get, "/a/{x}", access::in_group(role_set::all()), answer_ok),
                  std::invalid_argument);
  r.add(http::verb::get, "/a/{gid}", access::in_group(role_set::all()), answer_ok);
  CHECK_THROWS_AS(r.add(http::verb::get, "/a/{gid}", access::anyone(), answer_ok), std::invalid_argument);
}

TEST_CASE("the pipeline answers 404 and 405 as JSON errors, with the security headers", "[server][router]") {
  settings config;
  config.db_threads = 1;
  service service(config);
  service.routes.add(http::verb::get, "/api/v1/things/{id}", access::anyone(),
                     [](request_context& ctx) -> awaitable<http_response> {
                       co_return json_response(http::status::ok, {{"id", ctx.params.id("id")},
                                                                  {"q", ctx.query("q").value_or("-")}});
                     });

  auto res = handle_request_now(service, make_request(http::verb::get, "/api/v1/things/5?q=a%20b"));
  CHECK(res.result() == http::status::ok);
  CHECK(json_body(res) == boost::json::parse(R"({"id":5,"q":"a b"})"));
  CHECK(res["X-Request-Id"].size() == 16);
  CHECK(res["X-Content-Type-Options"] == "nosniff");
  CHECK(res["X-Frame-Options"] == "DENY");
  CHECK(res["Referrer-Policy"] == "no-referrer");
  CHECK(res["Content-Security-Policy"] ==
        "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'");
  CHECK(res[http::field::cache_control] == "no-store");

  res = handle_request_now(service, make_request(http::verb::get, "/api/v1/things/five"));
  CHECK(res.result() == http::status::not_found);
  CHECK(json_body(res).at("error").at("code") == "not_found");

  res = handle_request_now(service, make_request(http::verb::put, "/api/v1/things/5"));
  CHECK(res.result() == http::status::method_not_allowed);
  CHECK(res[http::field::allow] == "GET, HEAD");
  CHECK(json_body(res).at("error").at("code") == "method_not_allowed");

  res = handle_request_now(service, make_request(http::verb::head, "/api/v1/things/5"));
  CHECK(res.result() == http::status::ok);
  CHECK(res.body().empty());
  CHECK(res[http::field::content_length] != "0");
}

TEST_CASE("a handler that throws answers 500 without leaking the message", "[server][router]") {
  settings config;
  config.db_threads = 1;
  service service(config);
  service.routes.add(http::verb::get, "/api/v1/boom", access::anyone(),
                     [](request_context&) -> awaitable<http_response> {
                       throw std::runtime_error("secret detail");
                       co_return http_response{};
                     });
  service.routes.add(http::verb::get, "/api/v1/refused", access::anyone(),
                     [](request_context&) -> awaitable<http_response> {
                       throw samaki::ledger::error_exception(
                           samaki::ledger::error(samaki::ledger::errc::period_closed, "closed"));
                       co_return http_response{};
                     });
  auto res = handle_request_now(service, make_request(http::verb::get, "/api/v1/boom"));
  CHECK(res.result() == http::status::internal_server_error);
  CHECK(json_body(res).at("error").at("code") == "internal");
  CHECK(res.body().find("secret") == std::string::npos);

  res = handle_request_now(service, make_request(http::verb::get, "/api/v1/refused"));
  CHECK(res.result() == http::status::conflict);
  CHECK(json_body(res).at("error").at("code") == "period_closed");
}
