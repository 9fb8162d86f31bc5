// `samaki backup` while treasurers record operations: the copy restores (restore checks integrity, hash
// chains and balances), verifies, and holds every operation acknowledged before the backup began, whole.
// And the daily backup script (scripts/samaki-backup, run by config/samaki-backup.timer) keeps its newest
// copies only.
#include "tests/reliability/ledger_checks.hpp"
#include "tests/reliability/restartable_server.hpp"
#include "tests/reliability/savings_load.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>

using namespace samaki::reliability_test;
using samaki::api_test::api_client;

TEST_CASE("a backup taken under load restores, verifies and holds every operation acknowledged before it",
          "[backup]") {
  restartable_server server;
  const auto port = server.start();
  const auto token = server.sign_in_admin();
  server_gate gate;
  acknowledgement_log log;
  std::atomic<bool> stop{false};
  std::vector<std::unique_ptr<savings_client>> treasurers;
  for (int c = 0; c < 3; ++c) treasurers.push_back(std::make_unique<savings_client>(c, token, gate, log));
  gate.open(port);
  load_threads threads(stop, gate);
  for (auto& t : treasurers) threads.add([&t, &stop] { t->run(stop); });

  // Let the load build up, note what is acknowledged, then back up while it goes on.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const auto before_backup = log.acknowledged();
  const auto copy = server.folder() / "backup.db";
  std::string output;
  const int backed_up =
      server.run_cli({"backup", "--db", server.db_path().string(), copy.string()}, {}, &output);
  const auto after_backup = log.size();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  threads.stop_and_join();
  INFO(output);
  REQUIRE(backed_up == 0);
  for (const auto& failure : log.failures()) FAIL(failure);
  INFO(before_backup.size() << " acknowledged before the backup, " << after_backup << " when it ended, "
                            << log.size() << " in all");
  // The load really ran through the backup.
  CHECK(before_backup.size() > 20);
  CHECK(log.size() > after_backup);

  const auto restored = server.folder() / "restored" / "samaki.db";
  REQUIRE(server.run_cli({"restore", "--db", restored.string(), copy.string()}, {}, &output) == 0);
  for (const auto& problem : missing_or_doubled(restored, before_backup)) FAIL_CHECK(problem);
  for (const auto& problem : integrity_problems(restored)) FAIL_CHECK(problem);
  CHECK(server.run_cli({"verify", "--db", restored.string()}, {}, &output) == 0);
  CHECK(server.stop() == 0);
}

TEST_CASE("the daily backup script writes a verified copy and keeps the newest ones", "[backup]") {
  restartable_server server;
  server.start();
  server.sign_in_admin();
  const auto folder = server.folder() / "backups";
  std::string output;
  // One run a day for five days, keeping three.
  for (int day = 1; day <= 5; ++day) {
    const std::string stamp = "2026-03-0" + std::to_string(day);
    const std::string command =
        "SAMAKI_BIN='" + std::string(SAMAKI_BINARY) + "' SAMAKI_BACKUP_KEEP=3 SAMAKI_BACKUP_DATE=" + stamp +
        " '" + std::string(SAMAKI_BACKUP_SCRIPT) + "' '" + server.db_path().string() + "' '" +
        folder.string() + "' > '" + (server.folder() / "script.log").string() + "' 2>&1";
    INFO(command);
    CHECK(std::system(command.c_str()) == 0);
  }
  std::vector<std::string> kept;
  for (const auto& f : std::filesystem::directory_iterator(folder))
    kept.push_back(f.path().filename().string());
  std::ranges::sort(kept);
  CHECK(kept ==
        std::vector<std::string>{"samaki-2026-03-03.db", "samaki-2026-03-04.db", "samaki-2026-03-05.db"});
  // Each copy is a whole database that verifies.
  CHECK(server.run_cli({"verify", "--db", (folder / kept.back()).string()}, {}, &output) == 0);
  // A second run the same day does not overwrite that day's copy, and says so.
  const std::string again = "SAMAKI_BIN='" + std::string(SAMAKI_BINARY) +
                            "' SAMAKI_BACKUP_DATE=2026-03-05 '" + std::string(SAMAKI_BACKUP_SCRIPT) + "' '" +
                            server.db_path().string() + "' '" + folder.string() + "' > /dev/null 2>&1";
  CHECK(std::system(again.c_str()) != 0);
  CHECK(server.stop() == 0);
}
