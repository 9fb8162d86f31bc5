// libFuzzer target: the request handler without sockets. The input is raw bytes as a client would send
// them on one connection — one request or several pipelined — read as the connection reads them (the
// header block's exact limit, then Beast's parser with the server's header and body limits) and answered
// by the real pipeline: `samaki serve`'s routes, its authenticator and sign-in rules, on the demo books in
// a temporary database. Every demo user has a live session; in the input, `{{T1}}` … `{{T8}}` stand for
// user 1 … 8's bearer token and `{{C1}}` … `{{C8}}` for its CSRF token (users in the demo's order: admin,
// field officer, five treasurers, a member), so the fuzzer reaches every role's handlers, by token or by
// cookie. What the fuzzer ends (a logout, a session ended) is opened again before the next input.
// Each answer must be: no 500 and no 5xx but 503 `unavailable` (a full disk or a full hash queue, both
// documented); an error as api.md's JSON body with a stable code; a JSON body that parses when it says
// it is JSON.
#include "ledger/access/users.hpp"
#include "ledger/demo.hpp"
#include "ledger/error.hpp"
#include "ledger/store/read_session.hpp"
#include "ledger/store/store.hpp"
#include "server/api/api_routes.hpp"
#include "server/api/system_routes.hpp"
#include "server/auth/auth_service.hpp"
#include "server/http/header_block.hpp"
#include "server/http/request_pipeline.hpp"
#include "server/http/unreadable_request.hpp"
#include "server/ledger_runtime.hpp"
#include "server/service.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/json/parse.hpp>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>

using namespace samaki;
using namespace samaki::server;

namespace {

constexpr int users = 8;               // the demo's logins, ids 1 … 8
constexpr int requests_per_input = 8;  // pipelined requests read from one input at most

struct session_keys {
  std::string token;
  std::string hash;
  std::string csrf;
};

struct app {
  settings config;
  std::unique_ptr<ledger::store> store;
  std::unique_ptr<service> served;
  std::unique_ptr<ledger::read_session> reads;
  std::array<session_keys, users> sessions;
};

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A live session for every demo user: kept ones stay, ended ones are opened again.
void open_sessions(app& a) {
  const auto now = unix_now();
  for (int u = 0; u < users; ++u) {
    auto& keys = a.sessions[static_cast<std::size_t>(u)];
    if (!keys.hash.empty() && ledger::find_session(a.reads->db(), keys.hash, now)) continue;
    keys.token = ledger::random_token();
    keys.hash = ledger::token_hash(keys.token);
    keys.csrf = ledger::random_token();
    const ledger::user_id user(u + 1);
    auto opened = a.store
                      ->submit<bool>([keys, user, expires = now + 24 * 3600](ledger::write_context& w) {
                        return ledger::create_session(w, user, keys.hash, keys.csrf, expires);
                      })
                      .get();
    if (!opened) std::abort();
  }
}

app& the_app() {
  static app a = [] {
    spdlog::set_level(spdlog::level::off);
    app made;
    const auto folder =
        std::filesystem::temp_directory_path() / ("samaki_fuzz_requests_" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    static const auto scratch = folder;
    std::atexit([] { std::filesystem::remove_all(scratch); });
    made.config.db_path = (folder / "fuzz.db").string();
    made.config.synchronous = sync_mode::normal;
    made.config.db_threads = 1;
    made.config.hash_threads = 1;
    made.store = std::make_unique<ledger::store>(store_options_from(made.config));
    ledger::load_demo(*made.store);
    made.served = std::make_unique<service>(made.config, read_sessions_on(made.config.db_path));
    attach_store(*made.served, *made.store);
    made.served->auth = std::make_shared<auth_service>(made.config);
    add_system_routes(*made.served);
    add_api_routes(*made.served);
    made.reads = std::make_unique<ledger::read_session>(made.config.db_path);
    open_sessions(made);
    return made;
  }();
  return a;
}

// The input with each {{Tn}} and {{Cn}} replaced by user n's token or CSRF token.
std::string with_keys(std::string_view input, const app& a) {
  std::string out;
  out.reserve(input.size());
  std::size_t i = 0;
  while (i < input.size()) {
    if (input.substr(i, 2) == "{{" && i + 6 <= input.size() && input.substr(i + 4, 2) == "}}" &&
        (input[i + 2] == 'T' || input[i + 2] == 'C') && input[i + 3] >= '1' && input[i + 3] < '1' + users) {
      const auto& keys = a.sessions[static_cast<std::size_t>(input[i + 3] - '1')];
      out += input[i + 2] == 'T' ? keys.token : keys.csrf;
      i += 6;
    } else {
      out += input[i++];
    }
  }
  return out;
}

const std::set<std::string, std::less<>>& stable_codes() {
  static const std::set<std::string, std::less<>> codes = [] {
    // The ledger's codes (every errc but internal) and the ones only the HTTP layer gives.
    std::set<std::string, std::less<>> made{
        "invalid_json", "unsupported_media_type", "unauthenticated",  "forbidden",
        "rate_limited", "method_not_allowed",     "payload_too_large"};
    for (std::uint16_t n = 0; n < 500; ++n) made.insert(std::string(ledger::code_name(ledger::errc(n))));
    made.erase("internal");
    return made;
  }();
  return codes;
}

[[noreturn]] void fail(const http_response& response, std::string_view why) {
  std::fprintf(stderr, "fuzz_requests: %.*s\nstatus %d, body: %.*s\n", static_cast<int>(why.size()),
               why.data(), response.result_int(),
               static_cast<int>(std::min<std::size_t>(response.body().size(), 2000)), response.body().data());
  std::abort();
}

void check(http::verb method, const http_response& response) {
  const int status = response.result_int();
  if (status >= 500 && status != 503) fail(response, "a 5xx other than 503");
  if (method == http::verb::head || status == 204 || status == 304) return;
  const bool says_json = to_std(response[http::field::content_type]).starts_with("application/json");
  if (status >= 400 && !says_json) fail(response, "an error that is not JSON");
  if (!says_json) return;
  boost::system::error_code ec;
  const auto body = boost::json::parse(response.body(), ec);
  if (ec) fail(response, "a JSON answer that does not parse");
  if (status < 400) return;
  const auto* error = body.is_object() ? body.as_object().if_contains("error") : nullptr;
  const auto* code = error && error->is_object() ? error->as_object().if_contains("code") : nullptr;
  const auto* message = error && error->is_object() ? error->as_object().if_contains("message") : nullptr;
  if (!code || !code->is_string() || !message || !message->is_string())
    fail(response, "an error without api.md's body");
  if (!stable_codes().contains(std::string_view(code->as_string()))) fail(response, "an unknown error code");
  if (status == 503 && code->as_string() != "unavailable") fail(response, "a 503 that is not unavailable");
}

// Reads and answers one request from the front of `bytes` as the connection would; how many bytes it
// took, or 0 when the connection would stop there (incomplete, refused, or closed after the answer).
std::size_t serve_one(app& a, std::string_view bytes) {
  const auto& cfg = a.config;
  const auto block = scan_header_block(bytes, cfg.header_limit);
  if (block == header_block_state::too_large) {
    check(http::verb::unknown, answer_unreadable(*a.served, http_request{}, "127.0.0.1",
                                                 http::status::request_header_fields_too_large, "bad_request",
                                                 header_too_large_message(cfg)));
    return 0;
  }
  if (block == header_block_state::incomplete) return 0;  // the connection would wait, then time out
  http::request_parser<http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(cfg.header_limit));
  parser.body_limit(cfg.body_limit);
  parser.eager(true);
  boost::beast::error_code ec;
  std::size_t used = 0;
  while (!ec && !parser.is_done() && used < bytes.size())
    used += parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
  if (ec == http::error::need_more || (!ec && !parser.is_done())) return 0;  // would time out
  if (ec) {
    if (auto refused = refusal_for(ec, cfg))
      check(parser.get().method(), answer_unreadable(*a.served, parser.get(), "127.0.0.1", refused->status,
                                                     refused->code, std::move(refused->message)));
    return 0;
  }
  http_request request = parser.release();
  const bool keep_alive = request.keep_alive();
  const auto method = request.method();
  check(method, handle_request_now(*a.served, std::move(request)));
  return keep_alive ? used : 0;
}

}  // namespace

// The demo books are loaded before the first input, so their seconds (more under the sanitizers on a busy
// machine) do not count against libFuzzer's per-input -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  the_app();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& a = the_app();
  open_sessions(a);
  const std::string input = with_keys(std::string_view(reinterpret_cast<const char*>(data), size), a);
  std::string_view rest = input;
  for (int n = 0; n < requests_per_input && !rest.empty(); ++n) {
    const std::size_t used = serve_one(a, rest);
    if (used == 0) break;
    rest.remove_prefix(used);
  }
  return 0;
}
