// Static files: the right file, the right type, and nothing outside web_root.
#include "server/http/static_files.hpp"
#include "server/http/request_pipeline.hpp"
#include "server/service.hpp"
#include "tests/helpers/system_gunzip.hpp"
#include "tests/unit/server/test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

using namespace samaki::server;
namespace fs = std::filesystem;

namespace {

// A web root with a few files, and a secret beside it that must never be served.
struct web_fixture {
  web_fixture() {
    base = fs::temp_directory_path() / ("samaki_static_test_" + std::to_string(std::random_device{}()));
    root = base / "web";
    fs::create_directories(root / "js");
    write(root / "index.html", "<!doctype html><title>Samaki</title>");
    write(root / "js" / "app.js", "export const x = 1;");
    write(root / "js" / "index.html", "js index");
    write(root / ".env", "SECRET=1");
    write(base / "secret.txt", "outside");
    fs::create_directory_symlink(base, root / "escape");
  }
  ~web_fixture() { fs::remove_all(base); }

  static void write(const fs::path& p, std::string_view text) { std::ofstream(p, std::ios::binary) << text; }

  std::optional<fs::path> resolve(std::vector<std::string> segments) const {
    return resolve_static_path(root, segments);
  }

  fs::path base, root;
};

}  // namespace

TEST_CASE("static paths resolve inside the web root only", "[server][static]") {
  const web_fixture web;
  const auto canonical_root = fs::canonical(web.root);
  CHECK(web.resolve({}) == canonical_root / "index.html");
  CHECK(web.resolve({"js", "app.js"}) == canonical_root / "js" / "app.js");
  CHECK(web.resolve({"js", ""}) == canonical_root / "js" / "index.html");

  CHECK_FALSE(web.resolve({"..", "secret.txt"}));
  CHECK_FALSE(web.resolve({"js", "..", "..", "secret.txt"}));
  CHECK_FALSE(web.resolve({"..%2fsecret.txt"}));
  CHECK_FALSE(web.resolve({"../secret.txt"}));  // a decoded %2F inside one segment
  CHECK_FALSE(web.resolve({"..\\secret.txt"}));
  CHECK_FALSE(web.resolve({std::string("index.html\0x", 12)}));
  CHECK_FALSE(web.resolve({".env"}));
  CHECK_FALSE(web.resolve({"."}));
  CHECK_FALSE(web.resolve({"js", "", "app.js"}));
  CHECK_FALSE(web.resolve({"escape", "secret.txt"}));  // a symlink out of the root
  CHECK_FALSE(web.resolve({"js"}));                    // a directory, not a file
  CHECK_FALSE(web.resolve({"missing.html"}));
}

TEST_CASE("content types follow the extension", "[server][static]") {
  CHECK(content_type_for("index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("app.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("style.css") == "text/css; charset=utf-8");
  CHECK(content_type_for("i18n/km.json") == "application/json; charset=utf-8");
  CHECK(content_type_for("logo.svg") == "image/svg+xml");
  CHECK(content_type_for("blob.bin") == "application/octet-stream");
}

TEST_CASE("static files are served with cache validators, and traversal is 404", "[server][static]") {
  const web_fixture web;
  settings config;
  config.db_threads = 1;
  config.web_root = web.root.string();
  service service(config);
  add_static_files(service);

  auto res = handle_request_now(service, make_request(http::verb::get, "/"));
  REQUIRE(res.result() == http::status::ok);
  CHECK(res.body() == "<!doctype html><title>Samaki</title>");
  CHECK(res[http::field::content_type] == "text/html; charset=utf-8");
  CHECK(res[http::field::cache_control] == "no-cache");
  const std::string etag(res[http::field::etag]);
  CHECK_FALSE(etag.empty());
  CHECK(res["X-Content-Type-Options"] == "nosniff");

  auto conditional = make_request(http::verb::get, "/index.html");
  conditional.set(http::field::if_none_match, etag);
  res = handle_request_now(service, conditional);
  CHECK(res.result() == http::status::not_modified);
  CHECK(res.body().empty());

  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/js/%2e%2e/%2e%2e/secret.txt",
        "/escape/secret.txt", "/.env", "/%2eenv", "/js/..%5c..%5csecret.txt"}) {
    INFO(target);
    res = handle_request_now(service, make_request(http::verb::get, target));
    CHECK(res.result() == http::status::not_found);
    CHECK(res.body().find("outside") == std::string::npos);
  }
  res = handle_request_now(service, make_request(http::verb::delete_, "/index.html"));
  CHECK(res.result() == http::status::method_not_allowed);
}

TEST_CASE("text files go gzip-compressed to a client that takes gzip and plain to others",
          "[server][static]") {
  const web_fixture web;
  std::string script;
  for (int i = 0; i < 200; ++i)
    script += "export const meeting" + std::to_string(i) + " = \"\u179f\u17b6\";\n";
  web_fixture::write(web.root / "js" / "big.js", script);
  web_fixture::write(web.root / "logo.png", std::string(4000, 'p'));
  settings config;
  config.db_threads = 1;
  config.web_root = web.root.string();
  service service(config);
  add_static_files(service);
  const auto get = [&](std::string_view target, std::string_view accept = {},
                       std::string_view if_none_match = {}) {
    auto request = make_request(http::verb::get, target);
    if (!accept.empty()) request.set(http::field::accept_encoding, accept);
    if (!if_none_match.empty()) request.set(http::field::if_none_match, if_none_match);
    return handle_request_now(service, request);
  };

  const auto plain = get("/js/big.js");
  REQUIRE(plain.result() == http::status::ok);
  CHECK(plain.body() == script);
  CHECK(plain[http::field::content_encoding].empty());
  CHECK(plain[http::field::vary] == "Accept-Encoding");

  const auto packed = get("/js/big.js", "gzip, deflate, br");
  REQUIRE(packed.result() == http::status::ok);
  CHECK(packed[http::field::content_encoding] == "gzip");
  CHECK(packed[http::field::vary] == "Accept-Encoding");
  CHECK(packed[http::field::content_type] == "text/javascript; charset=utf-8");
  CHECK(packed[http::field::cache_control] == "no-cache");
  CHECK(packed.body().size() * 4 < script.size());
  CHECK(samaki::test_helpers::system_gunzip(packed.body()) == script);
  // Two representations, two validators; each one's own tag gets a 304 (with Vary), the other's does not.
  const std::string plain_tag(plain[http::field::etag]), packed_tag(packed[http::field::etag]);
  CHECK(plain_tag != packed_tag);
  const auto again = get("/js/big.js", "gzip", packed_tag);
  CHECK(again.result() == http::status::not_modified);
  CHECK(again.body().empty());
  CHECK(again[http::field::vary] == "Accept-Encoding");
  CHECK(get("/js/big.js", "gzip", "W/\"1-2\", " + packed_tag).result() == http::status::not_modified);
  CHECK(get("/js/big.js", "gzip", plain_tag).result() == http::status::ok);
  CHECK(get("/js/big.js", {}, plain_tag).result() == http::status::not_modified);
  CHECK(get("/js/big.js", "gzip;q=0", packed_tag).result() == http::status::ok);
  CHECK(get("/js/big.js", "gzip;q=0")[http::field::content_encoding].empty());

  // An image is sent as it is, whatever the client takes; it has one representation, so no Vary.
  const auto image = get("/logo.png", "gzip");
  CHECK(image.body() == std::string(4000, 'p'));
  CHECK(image[http::field::content_encoding].empty());
  CHECK(image[http::field::vary].empty());

  // A file changed on disk (a new UI deployed) is read and compressed again: new body, new tag.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const std::string changed = script + "export const added = 1;\n";
  web_fixture::write(web.root / "js" / "big.js", changed);
  const auto fresh = get("/js/big.js", "gzip", packed_tag);
  REQUIRE(fresh.result() == http::status::ok);
  CHECK(fresh[http::field::etag] != packed_tag);
  CHECK(samaki::test_helpers::system_gunzip(fresh.body()) == changed);
}
