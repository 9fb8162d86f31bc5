// Hostile input over the network, table-driven: every route of the route table gets requests without
// credentials, with forged, ended and expired tokens, with the cookie but no CSRF header, with another
// group's ids and with hostile path segments; every route that takes a body gets broken JSON (invalid, bad
// UTF-8, 100,000 levels deep, a key twice, not an object, the wrong media type, too large); postings and
// operations get malformed and huge amounts, and every field of every operation type (read from
// GET .../operation-types) a hostile value; and raw bytes that are not HTTP: broken request lines, oversized
// headers, chunked tricks, senders that stall. Each gets its documented 4xx (or, for broken HTTP, a 4xx or
// a closed connection); then the server is still up, its memory grew by less than the bound, and not one
// byte of any table of the database changed.
#include "tests/api/ledger_test_support.hpp"
#include "tests/api/route_table.hpp"
#include "tests/api/table_checksums.hpp"
#include "tests/reliability/raw_http.hpp"
#include "tests/reliability/restartable_server.hpp"

#include "ledger/store/sqlite.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

using namespace samaki::reliability_test;
using samaki::api_test::api_client;
using samaki::api_test::group_path;
using samaki::api_test::idempotency;
using samaki::client::http_header;

namespace {

struct hostile_request {
  std::string what;
  std::string method, target;
  std::vector<http_header> headers;
  std::string body;
  std::set<int> statuses;  // what api.md gives this mistake
  std::string code;        // the error's code, when only one fits
};

struct side {
  std::int64_t group = 0, member = 0, entry = 0, operation = 0, cycle = 0, loan = 0, period = 0;
};

// The route's pattern with this side's ids; `gid` replaces the group segment when given.
std::string filled(std::string pattern, const side& s, const std::string& gid = {}) {
  const std::map<std::string, std::string> values = {
      {"{gid}", gid.empty() ? std::to_string(s.group) : gid},
      {"{mid}", std::to_string(s.member)},
      {"/periods/{id}", "/periods/" + std::to_string(s.period)},
      {"/operations/{id}", "/operations/" + std::to_string(s.operation)},
      {"/cycles/{id}", "/cycles/" + std::to_string(s.cycle)},
      {"/loans/{id}", "/loans/" + std::to_string(s.loan)},
      {"{id}", std::to_string(s.entry)},
      {"{uid}", "1"},
      {"{sid}", "0123456789abcdef0123456789abcdef"},
      {"{code}", "1010"},
  };
  for (const auto& [key, value] : values)
    if (auto at = pattern.find(key); at != std::string::npos) pattern.replace(at, key.size(), value);
  return pattern;
}

bool is_public(const std::string& route) {
  return route == "GET /healthz" || route == "GET /metrics" || route == "POST /api/v1/auth/login";
}

bool changes_state(const std::string& method) {
  return method != "GET" && method != "HEAD";
}

std::string session_token(api_client& anonymous, const std::string& username, const std::string& password,
                          std::string* csrf = nullptr) {
  auto login = anonymous.post("/api/v1/auth/login", {{"username", username}, {"password", password}});
  REQUIRE(login.status == 200);
  if (csrf != nullptr) *csrf = std::string(login.json.at("csrf_token").as_string());
  return std::string(login.json.at("token").as_string());
}

// Values that must never pass as a field of this type.
std::vector<boost::json::value> hostile_values(std::string_view type) {
  const std::string long_text(5000, 'x');
  if (type == "amount")
    return {"1e9",   "12.345",   "NaN", "99999999999999999999999", "-5000", "5,000",
            " 5000", "<script>", 5000,  boost::json::array{}};
  if (type == "id" || type == "integer")
    return {"<script>", "1 OR 1=1", -1, 0, 1.5, 1e300, "../1", boost::json::object{{"$gt", 0}}};
  if (type == "date")
    return {"2026-02-30", "2026-01-01T00:00:00Z", "../../etc/passwd", 20260101, "9999-12-31"};
  if (type == "boolean") return {"true", 1, "<script>"};
  if (type == "choice") return {"<script>", "' OR 1=1 --", "\u202eevil", 7};
  if (type == "list") return {"not a list", boost::json::object{}, boost::json::array{1, 2, 3}};
  if (type == "object") return {"not an object", boost::json::array{}, 17};
  // Text: the wrong JSON type (whatever text says, a string of it may be a fine memo).
  return {boost::json::object{{"$gt", ""}}, boost::json::array{"a"}, 12};
}

}  // namespace

TEST_CASE("hostile requests to every endpoint get their 4xx, and nothing changes", "[hostile]") {
  restartable_server server({"--read-timeout-seconds", "2", "--first-byte-timeout-seconds", "2"});
  const auto port = server.start();
  server.add_user("admin", "hostile-admin-password", "admin");
  api_client anonymous(port);
  api_client admin(port);
  const auto admin_token = session_token(anonymous, "admin", "hostile-admin-password");
  admin.use_token(admin_token);

  // Two savings groups with a member, an entry, a closed month, a cycle, a meeting with a loan, an
  // operation; and a cooperative and a committee, for their operation types.
  side own, other;
  for (auto* s : {&own, &other}) {
    s->group = samaki::api_test::create_group(admin);
    s->member = samaki::api_test::create_member(admin, s->group, "Sok");
    auto entry = admin.post(group_path(s->group, "/entries"),
                            samaki::api_test::share_purchase("2026-01-05", "5000", s->member),
                            idempotency("entry-" + std::to_string(s->group)));
    REQUIRE(entry.status == 201);
    s->entry = entry.json.at("id").as_int64();
    auto moved = admin.post(
        group_path(s->group, "/operations"),
        {{"type", "transfer"}, {"date", "2026-01-06"}, {"from", "1010"}, {"to", "1030"}, {"amount", "100"}},
        idempotency("op-" + std::to_string(s->group)));
    REQUIRE(moved.status == 201);
    s->operation = moved.json.at("id").as_int64();
    auto closed =
        admin.post(group_path(s->group, "/periods"), {{"through", "2026-01-31"}, {"kind", "month"}});
    REQUIRE(closed.status == 201);
    s->period = closed.json.at("id").as_int64();
    auto cycle =
        admin.post(group_path(s->group, "/cycles"), {{"start", "2026-02-02"}, {"share_value", "5000"}},
                   idempotency("cycle-" + std::to_string(s->group)));
    REQUIRE(cycle.status == 201);
    s->cycle = cycle.json.at("id").as_int64();
    auto meeting = admin.post(
        group_path(s->group, "/operations"),
        {{"type", "meeting"},
         {"date", "2026-02-02"},
         {"members",
          boost::json::array{
              {{"member_id", s->member}, {"shares", 2}, {"loan", {{"amount", "1000"}, {"months", 2}}}}}}},
        idempotency("meeting-" + std::to_string(s->group)));
    REQUIRE(meeting.status == 201);
    s->loan = meeting.json.at("loans").at(0).at("loan_id").as_int64();
  }
  const auto coop = samaki::api_test::create_group(admin, "agri_cooperative");
  const auto committee = samaki::api_test::create_group(admin, "joint_task");

  // The callers: the own group's treasurer by bearer token and by cookie, and tokens that no longer work.
  std::string output;
  REQUIRE(server.run_cli({"user", "add", "--db", server.db_path().string(), "--username", "treasurer",
                          "--role", "treasurer", "--group", std::to_string(own.group), "--group",
                          std::to_string(coop), "--group", std::to_string(committee)},
                         "hostile-treasurer-password\n", &output) == 0);
  std::string csrf;
  const auto treasurer_token = session_token(anonymous, "treasurer", "hostile-treasurer-password", &csrf);
  api_client treasurer(port);
  treasurer.use_token(treasurer_token);
  const auto ended_token = session_token(anonymous, "treasurer", "hostile-treasurer-password");
  {
    api_client leaving(port);
    leaving.use_token(ended_token);
    REQUIRE(leaving.post("/api/v1/auth/logout", boost::json::object{}).status < 300);
  }
  // An expired session: its expiry moved into the past before it was ever used (so no cache knows it).
  const auto expired_token = session_token(anonymous, "treasurer", "hostile-treasurer-password");
  {
    samaki::ledger::sqlite::connection db(server.db_path().string(),
                                          samaki::ledger::sqlite::open_mode::read_write_create);
    db.exec("UPDATE sessions SET expires_at = 1 WHERE rowid = (SELECT max(rowid) FROM sessions)");
  }
  const std::string forged_token(43, 'A');

  // The operation types of every kind, with their fields.
  std::vector<std::pair<std::int64_t, boost::json::object>> operation_types;
  for (auto g : {own.group, coop, committee}) {
    auto types = treasurer.get(group_path(g, "/operation-types"));
    REQUIRE(types.status == 200);
    const auto& list = types.json.is_array() ? types.json.as_array() : types.json.at("items").as_array();
    for (const auto& t : list) operation_types.emplace_back(g, t.as_object());
  }
  REQUIRE(operation_types.size() > 20);

  std::vector<hostile_request> cases;
  const std::vector<http_header> bearer = {{"Authorization", "Bearer " + treasurer_token}};
  const std::vector<http_header> as_admin = {{"Authorization", "Bearer " + admin_token}};
  auto with = [](std::vector<http_header> headers, std::vector<http_header> more) {
    headers.insert(headers.end(), more.begin(), more.end());
    return headers;
  };
  const auto routes = samaki::api_test::route_table();
  const std::vector<std::string> bad_segments = {
      "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "1%00",  "-1", "0", "99999999999999999999",
      "1;DROP TABLE entries",   "0x1",    "%C0%AE"};
  int segment = 0;
  for (const auto& [method, pattern] : routes) {
    const auto route = method + " " + pattern;
    const auto target = filled(pattern, own);
    const bool group_route = pattern.find("{gid}") != std::string::npos;
    const std::string body = changes_state(method) ? "{}" : "";
    auto key = [&, n = 0]() mutable {
      return http_header{"Idempotency-Key", "hostile-" + std::to_string(++n)};
    };
    if (!is_public(route)) {
      for (const auto& [what, auth] : std::vector<std::pair<std::string, std::string>>{
               {"no credentials", ""},
               {"a forged token", "Bearer " + forged_token},
               {"an ended session", "Bearer " + ended_token},
               {"an expired session", "Bearer " + expired_token},
               {"not a bearer token", "Basic dHJlYXN1cmVyOnB3"}}) {
        std::vector<http_header> headers;
        if (!auth.empty()) headers.push_back({"Authorization", auth});
        cases.push_back({route + ": " + what, method, target, headers, body, {401}, "unauthenticated"});
      }
    }
    if (changes_state(method) && !is_public(route))
      cases.push_back({route + ": the cookie without X-CSRF-Token",
                       method,
                       target,
                       {{"Cookie", "samaki_session=" + treasurer_token}, key()},
                       body,
                       {403},
                       "forbidden"});
    if (group_route) {
      cases.push_back({route + ": another group's ids",
                       method,
                       filled(pattern, other),
                       with(bearer, {key()}),
                       body,
                       {404},
                       "not_found"});
      const auto& bad = bad_segments[static_cast<std::size_t>(segment++) % bad_segments.size()];
      cases.push_back({route + ": the group as " + bad,
                       method,
                       filled(pattern, own, bad),
                       with(bearer, {key()}),
                       body,
                       {400, 404},
                       ""});
    }
    // Broken bodies, on every route that reads one (logout reads none, and would end the session).
    if ((method == "POST" || method == "PUT") && route != "POST /api/v1/auth/logout") {
      const std::string deep = std::string(100000, '[') + std::string(100000, ']');
      const std::vector<std::tuple<std::string, std::string, std::string, std::set<int>, std::string>>
          bodies = {
              {"invalid JSON", "application/json", "{\"date\": ", {400}, "invalid_json"},
              {"invalid UTF-8", "application/json", "{\"memo\": \"\xc3\x28\xff\"}", {400}, "invalid_json"},
              {"JSON 100,000 levels deep", "application/json", deep, {400, 413}, ""},
              {"a key twice",
               "application/json",
               "{\"date\": \"2026-01-05\", \"date\": \"2026-01-06\"}",
               {400},
               "invalid_json"},
              {"an array, not an object", "application/json", "[]", {400}, ""},
              {"text/plain", "text/plain", "{}", {415}, "unsupported_media_type"},
              {"a body over the limit",
               "application/json",
               "{\"memo\": \"" + std::string(1100000, 'x') + "\"}",
               {413},
               "payload_too_large"},
          };
      // As the admin, whom no route forbids: what is judged is the body.
      for (const auto& [what, type, text, statuses, code] : bodies)
        cases.push_back({route + ": " + what, method, target, with(as_admin, {{"Content-Type", type}, key()}),
                         text, statuses, code});
    }
  }

  // Amounts on a posting and on operations that carry them.
  for (const auto& amount : hostile_values("amount")) {
    const auto text = boost::json::serialize(amount);
    boost::json::value posting = {
        {"date", "2026-02-03"},
        {"lines", {{{"account", "1010"}, {"debit", amount}}, {{"account", "4020"}, {"credit", amount}}}}};
    cases.push_back({"a posting of " + text,
                     "POST",
                     group_path(own.group, "/entries"),
                     with(bearer, {{"Idempotency-Key", "amount-" + text}}),
                     boost::json::serialize(posting),
                     {400, 422},
                     ""});
    boost::json::value loan = {
        {"type", "meeting"},
        {"date", "2026-02-03"},
        {"members", {{{"member_id", own.member}, {"loan", {{"amount", amount}, {"months", 1}}}}}}};
    cases.push_back({"a meeting's loan of " + text,
                     "POST",
                     group_path(own.group, "/operations"),
                     with(bearer, {{"Idempotency-Key", "loan-" + text}}),
                     boost::json::serialize(loan),
                     {400, 422},
                     ""});
  }
  // Every field of every operation type, one hostile value at a time.
  int n = 0;
  for (const auto& [group, type] : operation_types) {
    for (const auto& field : type.at("fields").as_array()) {
      const auto name = std::string(field.at("name").as_string());
      for (const auto& value : hostile_values(field.at("type").as_string())) {
        boost::json::object body{{"type", type.at("type")}, {"date", "2026-02-03"}, {name, value}};
        cases.push_back(
            {std::string(type.at("type").as_string()) + "." + name + " = " + boost::json::serialize(value),
             "POST",
             group_path(group, "/operations"),
             with(bearer, {{"Idempotency-Key", "field-" + std::to_string(++n)}}),
             boost::json::serialize(body),
             {400, 404, 409, 422},
             ""});
      }
    }
  }

  const auto tables_before = samaki::api_test::table_checksums(server.db_path());
  const auto rss_before = server.rss_kib();
  std::vector<std::string> wrong;
  api_client caller(port);
  for (const auto& c : cases) {
    auto reply = caller.send(c.method, c.target, c.body, c.headers);
    const bool status_ok = c.statuses.count(reply.status) == 1;
    const bool code_ok = c.code.empty() ? !reply.error_code().empty() : reply.error_code() == c.code;
    if (!status_ok || !code_ok)
      wrong.push_back(c.what + " -> " + std::to_string(reply.status) + " " + reply.raw.body.substr(0, 300));
  }

  // Bytes that are not HTTP, on their own connections.
  const std::string host = "Host: 127.0.0.1\r\n";
  const std::string login_start = "POST /api/v1/auth/login HTTP/1.1\r\n" + host;
  const std::vector<std::pair<std::string, std::vector<std::string>>> raw = {
      {"garbage", {"GARBAGE\r\n\r\n"}},
      {"no method", {" /healthz HTTP/1.1\r\n" + host + "\r\n"}},
      {"HTTP/9.9", {"GET /healthz HTTP/9.9\r\n" + host + "\r\n"}},
      {"an unknown method", {"BREW /healthz HTTP/1.1\r\n" + host + "\r\n"}},
      {"a space in the target", {"GET /api/v1/me me HTTP/1.1\r\n" + host + "\r\n"}},
      {"a 10 KB header",
       {"GET /healthz HTTP/1.1\r\n" + host + "X-Big: " + std::string(10000, 'a') + "\r\n\r\n"}},
      {"2,000 headers",
       {"GET /healthz HTTP/1.1\r\n" + host +
        [] {
          std::string h;
          for (int i = 0; i < 2000; ++i) h += "X-" + std::to_string(i) + ": v\r\n";
          return h;
        }() +
        "\r\n"}},
      {"a 20 KB target", {"GET /api/v1/groups/" + std::string(20000, '1') + " HTTP/1.1\r\n" + host + "\r\n"}},
      {"a NUL in a header", {std::string("GET /healthz HTTP/1.1\r\n") + host + "X-A: a\0b\r\n\r\n"}},
      {"a header without a colon", {"GET /healthz HTTP/1.1\r\n" + host + "Broken header\r\n\r\n"}},
      {"a chunk size that is not hex",
       {login_start + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n"}},
      {"a chunk size that overflows",
       {login_start + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n"}},
      {"a chunk longer than it says",
       {login_start + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}}}}}\r\n0\r\n\r\n"}},
      {"chunked and a Content-Length",
       {login_start + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n2\r\n{}\r\n0\r\n\r\n"}},
      {"two Content-Lengths", {login_start + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}x"}},
      {"a negative Content-Length", {login_start + "Content-Length: -5\r\n\r\n{}"}},
      {"a Content-Length over the limit", {login_start + "Content-Length: 99999999999\r\n\r\n{}"}},
      {"chunks adding up past the limit",
       {login_start +
        "Content-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n" +
        [] {
          std::string chunks;
          for (int i = 0; i < 40; ++i) chunks += "8000\r\n" + std::string(0x8000, ' ') + "\r\n";
          return chunks + "0\r\n\r\n";
        }()}},
      {"an unknown transfer coding", {login_start + "Transfer-Encoding: gzip\r\n\r\n{}"}},
  };
  for (const auto& [what, parts] : raw) {
    auto outcome = raw_exchange(port, parts);
    const bool refused = outcome.answered ? outcome.status >= 400 && outcome.status < 500 : outcome.closed;
    if (!refused)
      wrong.push_back("raw: " + what + " -> " +
                      (outcome.answered ? outcome.head : std::string("no answer, open")));
  }
  // Senders that stall: a request line and then nothing, and a header dribbled a byte at a time past the
  // read timeout (2 s here): answered 408 or closed, never held open.
  {
    auto stalled = raw_exchange(port, {"GET /healthz HTTP/1.1\r\n"}, {}, std::chrono::seconds(6));
    if (!stalled.closed && !(stalled.answered && stalled.status == 408))
      wrong.push_back("raw: a stalled request was held open");
    std::vector<std::string> drips;
    for (char c : std::string("GET /healthz HTTP/1.1\r\nX-Slow: abcdefghijklmnop")) drips.emplace_back(1, c);
    auto dribbled = raw_exchange(port, drips, std::chrono::milliseconds(150), std::chrono::seconds(6));
    if (!dribbled.closed && !(dribbled.answered && dribbled.status == 408))
      wrong.push_back("raw: a dribbled header was held open");
  }
  const auto total = cases.size() + raw.size() + 2;
  INFO(total << " hostile requests");
  for (const auto& w : wrong) FAIL_CHECK(w);
  CHECK(total >= 300);

  // Still up, memory bounded, and not one byte of the database changed.
  CHECK(server.process().running());
  CHECK(admin.get("/healthz").status == 200);
  const auto rss_after = server.rss_kib();
  INFO("RSS " << rss_before << " KiB before, " << rss_after << " KiB after");
  std::cout << "hostile input: " << total << " requests; server RSS " << rss_before << " KiB before, "
            << rss_after << " KiB after\n";
  CHECK(rss_after < rss_before + 64 * 1024);
  CHECK(samaki::api_test::table_checksums(server.db_path()) == tables_before);
  CHECK(server.stop() == 0);
}
