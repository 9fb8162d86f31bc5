#include "ledger/store/backup.hpp"
#include "ledger/demo.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/read_session.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace samaki::ledger;

TEST_CASE("a backup taken while the writer works restores into an empty path and verifies", "[backup]") {
  samaki::test::temp_dir dir;
  auto live = dir.file("live.db");
  store s(samaki::test::test_store_options(live));
  load_demo(s);
  backup_database(live, dir.file("copy.db"));
  CHECK_THROWS(backup_database(live, dir.file("copy.db")));  // never overwrites

  restore_database(dir.file("copy.db"), dir.file("restored/samaki.db"));
  read_session restored(dir.file("restored/samaki.db"));
  read_session original(live);
  CHECK(list_groups(restored.db(), std::nullopt).size() == list_groups(original.db(), std::nullopt).size());
  CHECK(verify_all(restored.db()).ok());
  CHECK(verify_chain(restored.db(), group_id{1}).head == verify_chain(original.db(), group_id{1}).head);
  // Restoring over an existing database is refused.
  CHECK_THROWS(restore_database(dir.file("copy.db"), live));
}

TEST_CASE("restore refuses a file that is not a sound Samaki database", "[backup]") {
  samaki::test::temp_dir dir;
  {
    std::ofstream junk(dir.file("junk.db"));
    junk << "this is not SQLite";
  }
  CHECK_THROWS(restore_database(dir.file("junk.db"), dir.file("out.db")));
  CHECK_FALSE(std::filesystem::exists(dir.file("out.db")));
  CHECK_THROWS(restore_database(dir.file("missing.db"), dir.file("out.db")));
}
