// Soak: mixed load for SAMAKI_SOAK_SECONDS (30 in ctest; README: the hour-long run) — three treasurers
// recording savings-group cycles and two readers asking for reports, balances, loans and histories —
// with no error at all, the server's memory under a stated bound, and latency steady: the 95th percentile
// of the last window (a minute, or a quarter of a short run) at most twice the first window's plus 20 ms.
#include "tests/reliability/ledger_checks.hpp"
#include "tests/reliability/restartable_server.hpp"
#include "tests/reliability/savings_load.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

using namespace samaki::reliability_test;
using samaki::api_test::api_client;
using clock_type = std::chrono::steady_clock;

namespace {

int soak_seconds() {
  const char* text = std::getenv("SAMAKI_SOAK_SECONDS");
  return text != nullptr && std::atoi(text) > 0 ? std::atoi(text) : 30;
}

double p95(std::vector<double> values) {
  if (values.empty()) return 0;
  std::ranges::sort(values);
  return values[values.size() * 95 / 100];
}

// The 95th percentile of the timings that ended in [from, to).
double p95_between(const std::vector<acknowledgement_log::timing>& timings, clock_type::time_point from,
                   clock_type::time_point to, std::size_t* count) {
  std::vector<double> in;
  for (const auto& t : timings)
    if (t.at >= from && t.at < to) in.push_back(t.milliseconds);
  *count = in.size();
  return p95(std::move(in));
}

}  // namespace

TEST_CASE("mixed load for a while: no errors, bounded memory, steady latency", "[soak]") {
  const auto seconds = soak_seconds();
  restartable_server server;
  const auto port = server.start();
  const auto token = server.sign_in_admin();
  server_gate gate;
  acknowledgement_log writes, reads;
  std::atomic<bool> stop{false};
  std::vector<std::unique_ptr<savings_client>> treasurers;
  for (int c = 0; c < 3; ++c)
    treasurers.push_back(std::make_unique<savings_client>(c, token, gate, writes, 8));
  gate.open(port);
  const auto started = clock_type::now();
  load_threads threads(stop, gate);
  for (auto& t : treasurers) threads.add([&t, &stop] { t->run(stop); });
  for (int r = 0; r < 2; ++r) {
    threads.add([&, r] {
      api_client reader(port);
      reader.use_token(token);
      std::mt19937 rng(static_cast<unsigned>(r));
      const std::vector<std::string> paths = {"/reports/trial-balance",
                                              "/reports/balance-sheet",
                                              "/reports/loan-portfolio",
                                              "/loans",
                                              "/operations?limit=20",
                                              "/members",
                                              "/accounts"};
      while (!stop) {
        const auto groups = writes.groups();
        if (groups.empty()) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
          continue;
        }
        const auto target =
            "/api/v1/groups/" + std::to_string(groups[rng() % groups.size()]) + paths[rng() % paths.size()];
        const auto sent = clock_type::now();
        auto reply = reader.get(target);
        const auto answered = clock_type::now();
        reads.add_timing({answered, std::chrono::duration<double, std::milli>(answered - sent).count()});
        if (reply.status != 200)
          reads.fail("GET " + target + " -> " + std::to_string(reply.status) + " " + reply.raw.body);
      }
    });
  }
  // The server's memory once warmed up, then at the end.
  std::this_thread::sleep_for(std::chrono::seconds(std::min(5, seconds / 4)));
  const auto rss_warm = server.rss_kib();
  std::this_thread::sleep_for(started + std::chrono::seconds(seconds) - clock_type::now());
  const auto rss_end = server.rss_kib();
  threads.stop_and_join();
  const auto ended = clock_type::now();

  for (const auto& failure : writes.failures()) FAIL_CHECK(failure);
  for (const auto& failure : reads.failures()) FAIL_CHECK(failure);
  const auto window = std::chrono::seconds(std::min(60, std::max(1, seconds / 4)));
  std::size_t first_writes = 0, last_writes = 0, first_reads = 0, last_reads = 0;
  const auto w1 = p95_between(writes.timings(), started, started + window, &first_writes);
  const auto w2 = p95_between(writes.timings(), ended - window, ended, &last_writes);
  const auto r1 = p95_between(reads.timings(), started, started + window, &first_reads);
  const auto r2 = p95_between(reads.timings(), ended - window, ended, &last_reads);
  std::cout << "soak: " << seconds << " s, " << writes.size() << " writes acknowledged, "
            << reads.timings().size() << " reads; p95 of writes " << w1 << " ms in the first "
            << window.count() << " s, " << w2 << " ms in the last; of reads " << r1 << " ms, then " << r2
            << " ms; server RSS " << rss_warm << " KiB warm, " << rss_end << " KiB at the end\n";
  CHECK(first_writes > 0);
  CHECK(last_writes > 0);
  CHECK(first_reads > 0);
  CHECK(last_reads > 0);
  CHECK(w2 <= 2 * w1 + 20);
  CHECK(r2 <= 2 * r1 + 20);
  // The bound: 256 MiB whatever the length of the run (about 20 MiB is usual).
  CHECK(rss_end < 256 * 1024);

  for (const auto& problem : integrity_problems(server.db_path())) FAIL_CHECK(problem);
  api_client admin(port);
  admin.use_token(token);
  for (const auto& problem : api_problems(admin, writes.groups())) FAIL_CHECK(problem);
  CHECK(server.stop() == 0);
}
