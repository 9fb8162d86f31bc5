// POST /api/v1/auth/login: throttle, find the user on a database thread, check the password on a hash
// thread, open a session; every attempt leaves an audit record (never the password or the token).
#include "server/api/audit_trail.hpp"
#include "server/api/auth_handlers.hpp"
#include "server/async/hash_pool.hpp"
#include "server/async/on_writer.hpp"
#include "server/auth/auth_service.hpp"
#include "server/auth/credentials.hpp"
#include "server/http/request_context.hpp"
#include "server/http/responses.hpp"
#include "server/json/auth_json.hpp"
#include "server/json/json_edge.hpp"
#include "server/service.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <functional>

namespace samaki::server {
namespace {

// One message for a wrong password and an unknown user, so the answer never tells which.
constexpr std::string_view wrong_credentials = "wrong username or password";

struct login_request {
  std::string username;
  std::string password;
};

api_result<login_request> read_login(const http_request& request) {
  auto body = parse_json_body(request);
  if (!body) return body.error();
  const json_fields fields(*body);
  if (auto only = fields.only({"username", "password"}); !only) return only.error();
  auto username = fields.required_string("username");
  if (!username) return username.error();
  auto password = fields.required_string("password");
  if (!password) return password.error();
  return login_request{std::move(*username), std::move(*password)};
}

// What password checks of unknown users run against, so they take as long as those of real users.
const std::string& stand_in_hash() {
  static const std::string hash = ledger::hash_password(ledger::random_token());
  return hash;
}

using found_login = std::optional<std::pair<ledger::user_info, std::string>>;

// On a hash thread (Argon2id takes tens of milliseconds): whether the password is the found user's.
bool password_matches(const login_request& login, const found_login& found) {
  const bool matches = ledger::check_password(login.password, found ? found->second : stand_in_hash());
  return found && matches;
}

// The username as typed, cut to what a real one could be (on a character boundary): audit records
// of attempts must not grow with whatever a client sends.
std::string attempted_name(std::string_view username) {
  constexpr std::size_t longest = 64;
  if (username.size() <= longest) return std::string(username);
  std::size_t end = longest;
  while (end > 0 && (static_cast<unsigned char>(username[end]) & 0xC0) == 0x80) --end;
  return std::string(username.substr(0, end));
}

ledger::audit_record login_record(const request_context& ctx, std::string action, std::string_view username) {
  auto record = audit_of(ctx, std::move(action));
  record.username = attempted_name(username);
  return record;
}

using writer_work = std::function<ledger::result<bool>(ledger::write_context&)>;

writer_work audit_work(ledger::audit_record record) {
  return [record = std::move(record)](ledger::write_context& w) -> ledger::result<bool> {
    ledger::append_audit(w, record);
    return true;
  };
}

// A session about to be opened: the token goes to the client once, the writer stores only its hash.
struct new_session {
  std::string token = ledger::random_token();
  std::string csrf_token = ledger::random_token();
  std::int64_t expires_at = 0;
  std::chrono::seconds lifetime{};
};

// The browser as its user will see it in their list of sessions: the User-Agent, printable ASCII only (as
// HTTP allows; anything else becomes '?', so the list is always valid JSON) and at most 200 characters.
std::string device_of(const request_context& ctx) {
  constexpr std::size_t longest = 200;
  std::string device(ctx.header(http::field::user_agent).substr(0, longest));
  for (char& c : device)
    if (c < ' ' || c > '~') c = '?';
  return device;
}

writer_work open_session_work(const new_session& session, ledger::user_id user, ledger::session_origin origin,
                              ledger::audit_record record) {
  return [hash = ledger::token_hash(session.token), csrf = session.csrf_token,
          expires_at = session.expires_at, user, origin = std::move(origin),
          record = std::move(record)](ledger::write_context& w) -> ledger::result<bool> {
    auto opened = ledger::create_session(w, user, hash, csrf, expires_at, origin);
    if (opened) ledger::append_audit(w, record);
    return opened;
  };
}

http_response session_response(const new_session& session, const ledger::user_info& user,
                               bool secure_cookie) {
  boost::json::object body;
  body["token"] = session.token;
  body["csrf_token"] = session.csrf_token;
  body["expires_at"] = rfc3339_utc(session.expires_at);
  body["user"] = user_json(user);
  auto response = json_response(http::status::ok, body);
  response.set(http::field::set_cookie, session_cookie(session.token, session.lifetime, secure_cookie));
  return response;
}

http_response throttled_response(std::chrono::seconds retry_after) {
  auto response = error_response(api_error::rate_limited("too many failed logins; try again later"));
  response.set(http::field::retry_after, std::to_string(retry_after.count()));
  return response;
}

// GCC 12 destroys a lambda with by-value captures twice when it is made inside a co_await expression
// (a double free), so the coroutines below build their writer work first, as a named std::function.

// A refused attempt's record. Failing to write it must not change the answer, so it is only logged.
awaitable<void> audit_refusal(request_context& ctx, std::string_view action, std::string_view username) {
  writer_work work = audit_work(login_record(ctx, std::string(action), username));
  const auto written = co_await on_writer<bool>(writer_of(ctx), std::move(work));
  if (!written)
    spdlog::error("request {}: could not audit {}: {}", ctx.request_id, action, written.error().message);
}

awaitable<http_response> open_session(request_context& ctx, auth_service& auth,
                                      const ledger::user_info& user) {
  new_session session;
  session.lifetime = auth.token_ttl();
  session.expires_at = auth.now() + session.lifetime.count();
  auto record = login_record(ctx, "login.ok", user.username);
  record.user = user.id;
  writer_work work = open_session_work(
      session, user.id, {.address = ctx.client_address, .device = device_of(ctx)}, std::move(record));
  const auto opened = co_await on_writer<bool>(writer_of(ctx), std::move(work));
  if (!opened) co_return error_response(opened.error());
  co_return session_response(session, user, ctx.service.config.secure_cookie);
}

}  // namespace

awaitable<http_response> login(request_context& ctx) {
  auth_service* auth = installed_auth_service(ctx.service);
  if (auth == nullptr) {
    co_return error_response(http::status::service_unavailable, "unavailable", "sign-in is not set up here");
  }
  const auto request = read_login(ctx.request);
  if (!request) co_return error_response(request.error());

  auto admission = auth->limiter().begin(request->username, ctx.client_address, login_limiter::clock::now());
  if (!admission.admitted) {
    co_await audit_refusal(ctx, "login.throttled", request->username);
    co_return throttled_response(admission.retry_after);
  }
  const auto found = co_await on_reader(
      ctx.service, [&](reader& r) { return ledger::find_login(r.db(), request->username); });
  const auto matches =
      co_await on_hash_pool(ctx.service.hashing, [&] { return password_matches(*request, found); });
  if (!matches) {
    // Not an attempt at the password: the admission is dropped uncounted.
    co_await audit_refusal(ctx, "login.busy", request->username);
    co_return busy_response(matches.error());
  }
  if (!*matches) {
    admission.admitted->fail(login_limiter::clock::now());
    co_await audit_refusal(ctx, "login.failed", request->username);
    co_return error_response(http::status::unauthorized, "unauthenticated", wrong_credentials);
  }
  admission.admitted->succeed();
  co_return co_await open_session(ctx, *auth, found->first);
}

http_response busy_response(const ledger::error& refusal) {
  auto response = error_response(refusal);
  response.set(http::field::retry_after, "1");
  return response;
}

}  // namespace samaki::server
