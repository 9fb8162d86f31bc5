// Kill -9 of the real server under load: four treasurers record savings-group cycles (meetings with loans
// and repayments, fines, postings, transfers, share-outs) with Idempotency-Keys while the server is killed
// at random moments and started again on the same file. A request left without an answer is sent again,
// same key and same body, to the next server. After every restart, before anyone writes again: each
// acknowledged operation and posting is there exactly once with all of its entries, nothing is half
// written, every trial balance is zero and verify passes.
//
// SAMAKI_CRASH_KILLS sets the number of kills (20 by default; README: the long run of 500).
#include "tests/reliability/ledger_checks.hpp"
#include "tests/reliability/restartable_server.hpp"
#include "tests/reliability/savings_load.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>
#include <thread>

using namespace samaki::reliability_test;
using samaki::api_test::api_client;

namespace {

int kills_wanted() {
  const char* text = std::getenv("SAMAKI_CRASH_KILLS");
  return text != nullptr && std::atoi(text) > 0 ? std::atoi(text) : 20;
}

}  // namespace

TEST_CASE("acknowledged operations survive SIGKILL of the server at any moment", "[crash]") {
  const int kills = kills_wanted();
  constexpr int clients = 4;
  restartable_server server;
  auto port = server.start();
  const auto token = server.sign_in_admin();

  std::uint64_t seed = Catch::rngSeed() != 0 ? Catch::rngSeed() : std::random_device{}();
  INFO("seed " << seed << " (run with --rng-seed to repeat)");
  std::mt19937_64 rng(seed);

  server_gate gate;
  acknowledgement_log log;
  std::atomic<bool> stop{false};
  std::vector<std::unique_ptr<savings_client>> treasurers;
  load_threads threads(stop, gate);
  for (int c = 0; c < clients; ++c)
    treasurers.push_back(std::make_unique<savings_client>(c, token, gate, log));
  gate.open(port);
  for (auto& t : treasurers) threads.add([&t, &stop] { t->run(stop); });

  const auto started = std::chrono::steady_clock::now();
  for (int kill = 1; kill <= kills; ++kill) {
    // Each server runs long enough to start, and sometimes long enough for whole cycles.
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(150, 900)(rng)));
    server.kill();
    gate.close();
    INFO("kill " << kill << " of " << kills);
    REQUIRE(gate.wait_until_parked(clients, std::chrono::seconds(120)));
    port = server.start();

    const auto acknowledged = log.acknowledged();
    for (const auto& problem : missing_or_doubled(server.db_path(), acknowledged)) FAIL_CHECK(problem);
    for (const auto& problem : integrity_problems(server.db_path())) FAIL_CHECK(problem);
    api_client admin(port);
    admin.use_token(token);
    for (const auto& problem : api_problems(admin, log.groups())) FAIL_CHECK(problem);
    for (const auto& failure : log.failures()) FAIL(failure);
    gate.open(port);
    // The long run's progress, should it be stopped before its end.
    if (kill % 25 == 0)
      std::cout << "crash test: kill " << kill << " of " << kills << " checked, "
                << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() -
                                                                    started)
                       .count()
                << " s, " << acknowledged.size() << " writes acknowledged" << std::endl;
  }
  threads.stop_and_join();
  for (const auto& failure : log.failures()) FAIL(failure);

  const auto acknowledged = log.acknowledged();
  int retries = 0, replayed = 0, operations = 0;
  for (const auto& t : treasurers) retries += t->retries();
  for (const auto& a : acknowledged) {
    replayed += a.replayed ? 1 : 0;
    operations += a.what == acknowledgement::kind::operation ? 1 : 0;
  }
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
  std::cout << "crash test: " << kills << " kills in " << seconds << " s, " << acknowledged.size()
            << " writes acknowledged (" << operations << " operations), " << retries << " sent again, "
            << replayed << " of them found already recorded, " << log.groups().size() << " groups\n";
  // The kills met real work, and some landed while requests were in flight.
  CHECK(operations > kills);
  CHECK(retries > 0);

  // A clean stop, then the command-line verify on the file.
  CHECK(server.stop() == 0);
  std::string output;
  const int verified = server.run_cli({"verify", "--db", server.db_path().string()}, {}, &output);
  INFO(output);
  CHECK(verified == 0);
}
