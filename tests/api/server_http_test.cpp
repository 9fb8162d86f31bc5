// The HTTP service on a real socket: system routes, headers, limits, timeouts, static files, shutdown.
#include "tests/api/http_client.hpp"
#include "tests/helpers/system_gunzip.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
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

// A bare TCP connection to the server from a chosen loopback address (every 127.x.y.z is this host), to
// be a second client; and to hold a connection without sending anything.
class raw_socket {
 public:
  raw_socket(std::uint16_t port, const char* from = "127.0.0.1") : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    REQUIRE(fd_ >= 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &local.sin_addr);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server) == 0);
    timeval patience{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
  }
  ~raw_socket() { ::close(fd_); }
  raw_socket(const raw_socket&) = delete;
  raw_socket& operator=(const raw_socket&) = delete;

  // GET /healthz; the status line's code, or 0 when the server closed the connection instead.
  int healthz() {
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    if (::send(fd_, request.data(), request.size(), MSG_NOSIGNAL) < 0) return 0;
    std::string reply;
    char buffer[4096];
    // /healthz answers a short body; its end is the closing brace.
    while (reply.find('}') == std::string::npos) {
      const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) return 0;
      reply.append(buffer, static_cast<std::size_t>(n));
    }
    return reply.starts_with("HTTP/1.1 ") ? std::stoi(reply.substr(9, 3)) : -1;
  }

  // True when the server closes the connection (end of stream or reset) within the receive timeout.
  bool closed_by_server() {
    char byte;
    return ::recv(fd_, &byte, 1, 0) == 0 || errno == ECONNRESET;
  }

 private:
  int fd_;
};

// A GET /healthz whose header block (request line, fields, blank line) is exactly `size` bytes.
std::string request_of_size(std::size_t size, std::size_t target_padding = 0) {
  const std::string target = "/healthz?" + std::string(target_padding, 'q');
  const std::string head = "GET " + target + " HTTP/1.1\r\nHost: x\r\nX-Pad: ";
  const std::string tail = "\r\n\r\n";
  REQUIRE(size > head.size() + tail.size());
  return head + std::string(size - head.size() - tail.size(), 'p') + tail;
}

}  // namespace

TEST_CASE("the first log line names the URL, and /healthz and /metrics answer without sign-in",
          "[api][http]") {
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

TEST_CASE("the header limit is exact: a header block of the limit passes, one byte more gets 431",
          "[api][http]") {
  test_server server;  // header_limit_bytes 8192
  const auto status_of = [&](const std::string& request) {
    http_connection connection(server.port());
    return connection.send_raw(request).status;
  };
  CHECK(request_of_size(8192).size() == 8192);
  CHECK(status_of(request_of_size(8191)) == 200);
  CHECK(status_of(request_of_size(8192)) == 200);
  CHECK(status_of(request_of_size(8193)) == 431);
  // The request line and the fields count together (each under the limit, both over it).
  CHECK(status_of(request_of_size(8193, 5000)) == 431);
  CHECK(status_of(request_of_size(8192, 5000)) == 200);
  test_server small({"--header-limit-bytes", "1024"});
  http_connection connection(small.port());
  CHECK(connection.send_raw(request_of_size(1025)).status == 431);
  CHECK(connection.send_raw(request_of_size(1024)).status == 200);
}

TEST_CASE("one client holding its share of connections does not lock out others", "[api][http]") {
  test_server server({"--max-connections-per-client", "2"});
  raw_socket first(server.port()), second(server.port());
  REQUIRE(first.healthz() == 200);
  REQUIRE(second.healthz() == 200);
  raw_socket third(server.port());
  CHECK(third.healthz() == 0);
  raw_socket elsewhere(server.port(), "127.0.0.2");
  CHECK(elsewhere.healthz() == 200);
  CHECK(first.healthz() == 200);  // those it holds still work

  // A trusted proxy carries many clients: its connections are not counted per client.
  test_server proxied({"--max-connections-per-client", "1", "--trusted-proxies", "127.0.0.1"});
  raw_socket a(proxied.port()), b(proxied.port()), c(proxied.port());
  CHECK(a.healthz() == 200);
  CHECK(b.healthz() == 200);
  CHECK(c.healthz() == 200);
}

TEST_CASE("a connection that sends nothing is closed after the first-byte timeout, a kept-alive one is not",
          "[api][http]") {
  test_server server({"--first-byte-timeout-seconds", "1"});
  raw_socket silent(server.port());
  raw_socket kept(server.port());
  REQUIRE(kept.healthz() == 200);
  const auto started = std::chrono::steady_clock::now();
  CHECK(silent.closed_by_server());
  const auto waited = std::chrono::steady_clock::now() - started;
  CHECK(waited > 500ms);
  CHECK(waited < 5s);
  // Between requests the idle timeout (60 s) applies.
  std::this_thread::sleep_for(1500ms);
  CHECK(kept.healthz() == 200);
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

TEST_CASE("the web UI goes gzip-compressed to browsers that take it and plain to others", "[api][http]") {
  test_server site({"--web-root", SAMAKI_WEB_ROOT});
  http_connection connection(site.port());
  std::size_t files = 0, plain_bytes = 0, sent_bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SAMAKI_WEB_ROOT)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string on_disk{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const std::string target =
        "/" + std::filesystem::relative(entry.path(), SAMAKI_WEB_ROOT).generic_string();
    INFO(target);
    const auto plain = connection.request("GET", target);
    REQUIRE(plain.status == 200);
    CHECK(plain.header("Content-Encoding").empty());
    CHECK(plain.body == on_disk);
    const auto packed = connection.request("GET", target, {}, {{"Accept-Encoding", "gzip, deflate, br"}});
    REQUIRE(packed.status == 200);
    CHECK(packed.header("Content-Type") == plain.header("Content-Type"));
    CHECK(packed.header("Cache-Control") == "no-cache");
    if (packed.header("Content-Encoding") == "gzip") {
      CHECK(packed.header("Vary") == "Accept-Encoding");
      CHECK(packed.header("ETag") != plain.header("ETag"));
      CHECK(samaki::test_helpers::system_gunzip(packed.body) == on_disk);
      // The browser's next visit: 304 for the copy it holds, with nothing in the body.
      const auto again = connection.request(
          "GET", target, {}, {{"Accept-Encoding", "gzip"}, {"If-None-Match", packed.header("ETag")}});
      CHECK(again.status == 304);
      CHECK(again.body.empty());
    } else {
      CHECK(packed.body == on_disk);
    }
    ++files;
    plain_bytes += on_disk.size();
    sent_bytes += packed.body.size();
  }
  CHECK(files > 20);
  CHECK(sent_bytes * 2 < plain_bytes);  // about a third of its size, as gzip -9 makes it
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
