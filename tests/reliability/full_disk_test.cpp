// A full disk, made by `--db-max-pages` (SQLite's max_page_count on the writer): a write that needs room
// fails with 503 `unavailable`, details.reason `storage_full`, and writes nothing; reads keep working, the
// server keeps answering, and once there is room again (the server started with more) the same request,
// same Idempotency-Key, is recorded.
#include "tests/api/ledger_test_support.hpp"
#include "tests/api/table_checksums.hpp"
#include "tests/reliability/ledger_checks.hpp"
#include "tests/reliability/restartable_server.hpp"

#include "ledger/store/sqlite.hpp"

#include <catch2/catch.hpp>

using namespace samaki::reliability_test;
using samaki::api_test::api_client;
using samaki::api_test::idempotency;
using samaki::api_test::json_reply;
using samaki::api_test::table_checksums;

namespace {

std::string path_of(std::int64_t group, std::string_view rest) {
  return "/api/v1/groups/" + std::to_string(group) + std::string(rest);
}

// About one page of journal: a long memo on the entry and on each line.
boost::json::value bulky_posting(int n) {
  const std::string memo(900, static_cast<char>('a' + n % 26));
  return {{"date", "2026-01-05"},
          {"memo", memo},
          {"lines",
           {{{"account", "1010"}, {"debit", "100"}, {"memo", memo}},
            {{"account", "4020"}, {"credit", "100"}, {"memo", memo}}}}};
}

std::int64_t pages_of(const std::filesystem::path& db) {
  samaki::ledger::sqlite::connection c(db.string(), samaki::ledger::sqlite::open_mode::read_only);
  return c.query_int("PRAGMA page_count");
}

void expect_storage_full(const json_reply& reply) {
  INFO(reply.raw.body);
  CHECK(reply.status == 503);
  CHECK(reply.error_code() == "unavailable");
  CHECK(reply.json.at("error").at("details").at("reason") == "storage_full");
}

}  // namespace

TEST_CASE("a full disk refuses writes with 503 storage_full, writes nothing, and reads go on", "[disk]") {
  std::int64_t limit = 0;
  std::int64_t group = 0;
  std::string token;
  restartable_server server;
  {
    // Set up with room: an admin, a savings group with a member and a cycle.
    auto port = server.start();
    server.add_user("admin", "disk-admin-password", "admin");
    api_client admin(port);
    auto login =
        admin.post("/api/v1/auth/login", {{"username", "admin"}, {"password", "disk-admin-password"}});
    REQUIRE(login.status == 200);
    token = std::string(login.json.at("token").as_string());
    admin.use_token(token);
    group = samaki::api_test::create_group(admin);
    samaki::api_test::create_member(admin, group, "Sok");
    REQUIRE(admin
                .post(path_of(group, "/cycles"), {{"start", "2026-01-05"}, {"share_value", "5000"}},
                      idempotency("cycle"))
                .status == 201);
    REQUIRE(server.stop() == 0);
    // A few pages more than it holds now: some postings fit, then the "disk" is full.
    limit = pages_of(server.db_path()) + 6;
  }
  INFO("db_max_pages " << limit);
  // The settings layers carry it: the flag here, SAMAKI_DB_MAX_PAGES or "db_max_pages" in the file.
  auto port = server.start({"--db-max-pages", std::to_string(limit)});
  api_client admin(port);
  admin.use_token(token);

  int recorded = 0;
  json_reply refused;
  std::vector<std::string> before;
  for (int n = 0; n < 200; ++n) {
    before = table_checksums(server.db_path());
    auto reply =
        admin.post(path_of(group, "/entries"), bulky_posting(n), idempotency("bulky-" + std::to_string(n)));
    if (reply.status != 201) {
      refused = reply;
      break;
    }
    ++recorded;
  }
  INFO(recorded << " postings fitted");
  CHECK(recorded > 0);
  expect_storage_full(refused);
  const auto refused_key = "bulky-" + std::to_string(recorded);
  // Nothing of it was written.
  CHECK(table_checksums(server.db_path()) == before);

  // An operation (a meeting of several entries) is refused whole, and so is the same posting again.
  const auto members = admin.get(path_of(group, "/members"));
  REQUIRE(members.status == 200);
  const auto member = members.json.at("items").at(0).at("id").as_int64();
  boost::json::array row{{{"member_id", member}, {"shares", 5}}};
  for (int attempt = 0; attempt < 3; ++attempt) {
    expect_storage_full(admin.post(path_of(group, "/operations"),
                                   {{"type", "meeting"}, {"date", "2026-01-05"}, {"members", row}},
                                   idempotency("meeting")));
    expect_storage_full(
        admin.post(path_of(group, "/entries"), bulky_posting(recorded), idempotency(refused_key)));
  }
  CHECK(table_checksums(server.db_path()) == before);

  // Reads go on: the journal, the reports, verify.
  auto entries = admin.get(path_of(group, "/entries"));
  CHECK(entries.status == 200);
  CHECK(entries.json.at("items").as_array().size() == static_cast<std::size_t>(recorded));
  CHECK(admin.get(path_of(group, "/reports/trial-balance")).status == 200);
  CHECK(admin.get(path_of(group, "/verify")).json.at("ok") == true);
  CHECK(admin.get("/healthz").status == 200);
  CHECK(integrity_problems(server.db_path()).empty());

  // Room again (the limit lifted): the refused requests, sent again with their keys, are recorded once.
  CHECK(server.stop() == 0);
  port = server.start();
  api_client after(port);
  after.use_token(token);
  CHECK(after.post(path_of(group, "/entries"), bulky_posting(recorded), idempotency(refused_key)).status ==
        201);
  auto meeting =
      after.post(path_of(group, "/operations"),
                 {{"type", "meeting"}, {"date", "2026-01-05"}, {"members", row}}, idempotency("meeting"));
  CHECK(meeting.status == 201);
  CHECK(after.post(path_of(group, "/entries"), bulky_posting(recorded), idempotency(refused_key)).status ==
        200);
  CHECK(after.get(path_of(group, "/entries")).json.at("items").as_array().size() ==
        static_cast<std::size_t>(recorded + 1 + meeting.json.at("entries").as_array().size()));
  for (const auto& problem : integrity_problems(server.db_path())) FAIL_CHECK(problem);
  for (const auto& problem : api_problems(after, {group})) FAIL_CHECK(problem);
}
