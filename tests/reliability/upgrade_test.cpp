// Upgrades: a database as each earlier schema version left it (tests/fixtures/schema/vN.sql, made by
// scripts/make-schema-fixtures) is migrated by `samaki serve` to the current version; it verifies and every
// running balance is what it was. A migration that fails part of the way leaves the file as it was, byte
// for byte, at its old version.
#include "tests/api/ledger_test_support.hpp"
#include "tests/api/table_checksums.hpp"
#include "tests/reliability/ledger_checks.hpp"
#include "tests/reliability/restartable_server.hpp"

#include "ledger/journal/hash_chain.hpp"
#include "ledger/store/migrations.hpp"
#include "ledger/store/sqlite.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace samaki::reliability_test;
using samaki::api_test::api_client;
using samaki::ledger::sqlite::connection;
using samaki::ledger::sqlite::open_mode;

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A new database at `path` from the fixture of `version`, in WAL mode as Samaki keeps its files.
void load_fixture(int version, const std::filesystem::path& path) {
  const auto sql =
      read_text(std::filesystem::path(SAMAKI_FIXTURES) / "schema" / ("v" + std::to_string(version) + ".sql"));
  REQUIRE_FALSE(sql.empty());
  connection db(path.string(), open_mode::read_write_create);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec(sql);
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

std::int64_t user_version(const std::filesystem::path& path) {
  connection db(path.string(), open_mode::read_only);
  return db.query_int("PRAGMA user_version");
}

// Every running balance, by group, account code and member, and the number of entries and lines.
std::vector<std::string> balances(const std::filesystem::path& path) {
  connection db(path.string(), open_mode::read_only);
  std::vector<std::string> out;
  samaki::ledger::sqlite::statement s(db.handle(),
                                      "SELECT a.group_id, a.code, b.member_id, b.balance FROM balances b "
                                      "JOIN accounts a ON a.id = b.account_id "
                                      "ORDER BY a.group_id, a.code, b.member_id");
  while (s.step())
    out.push_back(std::to_string(s.column_int(0)) + " " + s.column_text(1) + " " +
                  std::to_string(s.column_int(2)) + " " + std::to_string(s.column_int(3)));
  out.push_back("entries " + std::to_string(db.query_int("SELECT count(*) FROM entries")));
  out.push_back("lines " + std::to_string(db.query_int("SELECT count(*) FROM lines")));
  return out;
}

std::vector<std::int64_t> group_ids(const std::filesystem::path& path) {
  connection db(path.string(), open_mode::read_only);
  samaki::ledger::sqlite::statement s(db.handle(), "SELECT id FROM groups ORDER BY id");
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.column_int(0));
  return out;
}

std::string file_digest(const std::filesystem::path& path) {
  return samaki::ledger::to_hex(samaki::ledger::sha256(read_text(path)));
}

}  // namespace

TEST_CASE("a database of every earlier schema version migrates, verifies and keeps every balance",
          "[upgrade]") {
  for (int version = 1; version < samaki::ledger::schema_version(); ++version) {
    INFO("schema version " << version);
    restartable_server server;
    load_fixture(version, server.db_path());
    REQUIRE(user_version(server.db_path()) == version);
    const auto before = balances(server.db_path());
    const auto groups = group_ids(server.db_path());
    CHECK(groups.size() >= 3);
    CHECK(before.size() > 20);
    // The fixture itself verifies, so what follows is the migration's doing (today's verify reads the
    // operation tables of migration 3, so it can only judge fixtures from version 3 on before migrating).
    if (version >= 3) {
      std::string fixture_verify;
      CHECK(server.run_cli({"verify", "--db", server.db_path().string()}, {}, &fixture_verify) == 0);
    }

    // `samaki serve` migrates on start.
    const auto port = server.start();
    CHECK(user_version(server.db_path()) == samaki::ledger::schema_version());
    CHECK(balances(server.db_path()) == before);
    for (const auto& problem : integrity_problems(server.db_path())) FAIL_CHECK(problem);
    server.add_user("upgrade-admin", "upgrade-admin-password", "admin");
    api_client admin(port);
    auto login = admin.post("/api/v1/auth/login",
                            {{"username", "upgrade-admin"}, {"password", "upgrade-admin-password"}});
    REQUIRE(login.status == 200);
    admin.use_token(std::string(login.json.at("token").as_string()));
    for (const auto& problem : api_problems(admin, groups)) FAIL_CHECK(problem);
    // What the old version recorded reads through the current routes.
    for (auto g : groups) {
      const auto base = "/api/v1/groups/" + std::to_string(g);
      CHECK(admin.get(base + "/reports/balance-sheet").status == 200);
      CHECK(admin.get(base + "/entries").status == 200);
      CHECK(admin.get(base + "/operations").status == 200);
    }
    CHECK(server.stop() == 0);
    std::string output;
    const int verified = server.run_cli({"verify", "--db", server.db_path().string()}, {}, &output);
    INFO(output);
    CHECK(verified == 0);
  }
}

TEST_CASE("a migration that fails part of the way leaves the file untouched", "[upgrade]") {
  restartable_server server;
  load_fixture(2, server.db_path());
  {
    // Migration 3 will run; migration 4 then finds a table of its name already there and fails.
    connection db(server.db_path().string(), open_mode::read_write_create);
    db.exec("CREATE TABLE cycles (x INTEGER)");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  const auto digest = file_digest(server.db_path());
  const auto tables = samaki::api_test::table_checksums(server.db_path());
  CHECK_THROWS(server.start());
  CHECK(user_version(server.db_path()) == 2);
  CHECK(samaki::api_test::table_checksums(server.db_path()) == tables);
  CHECK(file_digest(server.db_path()) == digest);
}
