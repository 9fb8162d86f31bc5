// The HTTP service on a real socket: system routes, headers, limits, timeouts, static files, shutdown.
#include "tests/api/http_client.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

using namespace samaki::api_test;
using samaki::client::http_connection;
using samaki::client::http_error;
using namespace std::chrono_literals;

namespace {

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

}  // namespace

TEST_CASE("the first log line names the URL; /healthz and /metrics answer without sign-in", "[api][http]") {
  test_server server;
  CHECK_THAT(first_line(server.process().output()),
             Catch::Contains("listening on http://127.0.0.1:" + std::to_string(server.port())));
  auto client = server.client();
  const auto health = client.get("/healthz");
  CHECK(health.status == 200);
  CHECK(health.json == boost::json::value({{"status", "ok"}}));
  CHECK(health.header("Content-Type") == "application/json; charset=utf-8");
  CHECK(std::regex_match(health.header("X-Request-Id"), std::regex("[0-9a-f]{16}")));
  CHECK(health.header("X-Content-Type-Options") == "nosniff");
  CHECK(health.header("Referrer-Policy") == "no-referrer");
  CHECK(health.header("X-Frame-Options") == "DENY");
  CHECK_THAT(health.header("Content-Security-Policy"), Catch::Contains("default-src 'self'"));
  CHECK_THAT(health.header("Content-Security-Policy"), Catch::Contains("frame-ancestors 'none'"));

  const auto metrics = client.get("/metrics");
  CHECK(metrics.status == 200);
  CHECK_THAT(metrics.raw.body,
             Catch::Contains("samaki_http_requests_total{route=\"/healthz\",status=\"200\"} 1"));
  CHECK_THAT(metrics.raw.body, Catch::Contains("samaki_http_open_connections 1"));
  CHECK_THAT(metrics.raw.body, Catch::Contains("samaki_ledger_postings_committed_total 0"));
}

TEST_CASE("unknown paths are 404, wrong methods 405, both as JSON errors", "[api][http]") {
  test_server server;
  auto client = server.client();
  const auto missing = client.get("/api/v1/nothing-here");
  CHECK(missing.status == 404);
  CHECK(missing.error_code() == "not_found");
  CHECK(missing.header("Cache-Control") == "no-store");
  const auto wrong = client.send("DELETE", "/healthz");
  CHECK(wrong.status == 405);
  CHECK(wrong.error_code() == "method_not_allowed");
  CHECK(wrong.header("Allow") == "GET, HEAD");
}

TEST_CASE("one connection carries many requests", "[api][http]") {
  test_server server;
  http_connection connection(server.port());
  for (int i = 0; i < 50; ++i) REQUIRE(connection.request("GET", "/healthz").status == 200);
  CHECK(connection.is_open());
  const auto head = connection.request("HEAD", "/healthz");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  CHECK(head.header("Content-Length") == "15");
  CHECK(connection.request("GET", "/healthz").status == 200);  // still in step after HEAD
}

TEST_CASE("bodies over the limit get 413, oversized headers 431, garbage 400", "[api][http]") {
  test_server server;
  http_connection connection(server.port());
  const std::string big(2 * 1024 * 1024, 'x');
  const auto too_large =
      connection.request("POST", "/api/v1/groups", big, {{"Content-Type", "application/json"}});
  CHECK(too_large.status == 413);
  CHECK_THAT(too_large.body, Catch::Contains("\"code\":\"payload_too_large\""));
  CHECK(too_large.header("Connection") == "close");

  // A client that asks first is refused before it sends the body.
  const auto asked = connection.send_raw(
      "POST /api/v1/groups HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 5000000\r\nExpect: 100-continue\r\n\r\n");
  CHECK(asked.status == 413);

  const std::string long_header(16 * 1024, 'a');
  CHECK(connection.request("GET", "/healthz", {}, {{"X-Long", long_header}}).status == 431);
  CHECK(connection.send_raw("NOT HTTP AT ALL\r\n\r\n").status == 400);
  CHECK(connection.request("GET", "/healthz").status == 200);  // the server is fine
}

TEST_CASE("connections over the limit are closed at once", "[api][http]") {
  test_server server({"--max-connections", "2"});
  http_connection first(server.port()), second(server.port()), third(server.port());
  REQUIRE(first.request("GET", "/healthz").status == 200);
  REQUIRE(second.request("GET", "/healthz").status == 200);
  CHECK_THROWS_AS(third.request("GET", "/healthz"), http_error);
  first.close();
  // The slot frees once the server notices the close.
  bool served = false;
  for (int i = 0; i < 100 && !served; ++i) {
    try {
      served = third.request("GET", "/healthz").status == 200;
    } catch (const http_error&) {
      std::this_thread::sleep_for(20ms);
    }
  }
  CHECK(served);
  CHECK_THAT(third.request("GET", "/metrics").body,
             Catch::Contains("samaki_http_connections_refused_total "));
}

TEST_CASE("a request that stalls is dropped after the read timeout", "[api][http]") {
  test_server server({"--read-timeout-seconds", "1"});
  http_connection connection(server.port(), 10s);
  const auto started = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(connection.send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\n"), http_error);
  CHECK(std::chrono::steady_clock::now() - started < 5s);
}

TEST_CASE("the access log has the path but never the query string", "[api][http]") {
  test_server server;
  auto client = server.client();
  client.get("/healthz?token=hunter2", {{"Authorization", "Bearer sekrit-token"}});
  server.process().stop();
  const std::string log = server.process().output();
  CHECK_THAT(log, Catch::Contains("GET /healthz 200"));
  CHECK_THAT(log, !Catch::Contains("hunter2"));
  CHECK_THAT(log, !Catch::Contains("sekrit"));
}

TEST_CASE("static files come from web_root, never from outside it", "[api][http]") {
  test_server server;  // only to get a folder; a second server serves from it
  const auto web = server.folder() / "site";
  std::filesystem::create_directories(web);
  std::ofstream(web / "index.html") << "<!doctype html><title>Samaki</title>";
  std::ofstream(server.folder() / "secret.txt") << "outside";
  test_server site({"--web-root", web.string()});
  http_connection connection(site.port());
  const auto index = connection.request("GET", "/");
  CHECK(index.status == 200);
  CHECK(index.header("Content-Type") == "text/html; charset=utf-8");
  CHECK_THAT(index.body, Catch::Contains("Samaki"));
  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt"}) {
    INFO(target);
    const auto refused = connection.request("GET", target);
    CHECK(refused.status == 404);
    CHECK_THAT(refused.body, !Catch::Contains("outside"));
  }
}

TEST_CASE("SIGTERM closes idle keep-alive connections and exits 0", "[api][http]") {
  test_server server;
  http_connection idle(server.port());
  REQUIRE(idle.request("GET", "/healthz").status == 200);
  const auto started = std::chrono::steady_clock::now();
  CHECK(server.process().stop() == 0);
  CHECK(std::chrono::steady_clock::now() - started < 5s);
  CHECK_THAT(server.process().output(), Catch::Contains("shut down cleanly"));
}
