// Kill -9 in the middle of posting: a child process posts from eight threads and prints each key only after
// its commit; we kill it at a random moment, again and again on the same file. Nothing it acknowledged may
// be missing, nothing may be there twice, and no entry may be half written.
#include "tests/unit/ledger/store/store_test_support.hpp"

#include "ledger/reports/verify.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <random>
#include <set>
#include <string>
#include <vector>

#ifndef SAMAKI_TEST_HELPER
#define SAMAKI_TEST_HELPER ""
#endif

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

struct killed_run {
  std::vector<std::string> acknowledged;  // complete lines only
  bool killed_by_us = false;
  std::string status;
};

// Starts the poster, reads what it acknowledges for `delay`, then SIGKILLs it and reads what is left.
killed_run run_and_kill(const std::vector<std::string>& args, std::chrono::milliseconds delay) {
  int fds[2];
  REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    ::dup2(fds[1], STDOUT_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  std::string output;
  char buffer[65536];
  auto deadline = std::chrono::steady_clock::now() + delay;
  bool eof = false;
  // Keep draining the pipe so the child never blocks on a full one before the kill.
  while (!eof) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fds[0], POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    REQUIRE(ready >= 0);
    if (ready == 0) break;
    auto n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    REQUIRE(n >= 0);
    if (n == 0) eof = true;
    output.append(buffer, static_cast<std::size_t>(n));
  }
  ::kill(pid, SIGKILL);
  // Whatever reached the pipe before the kill was acknowledged too.
  for (;;) {
    auto n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    output.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  killed_run run;
  run.killed_by_us = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  run.status = WIFEXITED(status) ? "exited with " + std::to_string(WEXITSTATUS(status))
                                 : "signal " + std::to_string(WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  // A line cut off by the kill was never fully acknowledged.
  std::size_t start = 0;
  for (std::size_t end; (end = output.find('\n', start)) != std::string::npos; start = end + 1)
    run.acknowledged.push_back(output.substr(start, end - start));
  return run;
}

}  // namespace

TEST_CASE("acknowledged postings survive SIGKILL at any moment", "[store][crash]") {
  std::string helper = SAMAKI_TEST_HELPER;
  REQUIRE_FALSE(helper.empty());
  REQUIRE(::access(helper.c_str(), X_OK) == 0);

  temp_dir dir;
  auto path = dir.file("crash.db");
  group_id group;
  member_id member;
  {
    // Prepared by a store that is gone before the first child starts: one writer at a time.
    store_options options;
    options.path = path;
    store s(options);
    group = make_group(s, "Crash savings group", group_kind::savings_group, "KHR").id;
    make_member(s, group, "Someone else");  // so the poster's member is not member 1 by accident
    member = make_member(s, group, "Sok");
  }

  std::uint64_t seed = Catch::rngSeed() != 0 ? Catch::rngSeed() : std::random_device{}();
  INFO("seed " << seed << " (run with --rng-seed to repeat)");
  std::mt19937_64 rng(seed);
  std::set<std::string> all_acknowledged;
  constexpr int rounds = 6;
  for (int round = 0; round < rounds; ++round) {
    std::string prefix = "r" + std::to_string(round) + "-";
    auto delay = std::chrono::milliseconds(std::uniform_int_distribution<int>(50, 400)(rng));
    INFO("round " << round << ", killed after " << delay.count() << " ms");
    auto run = run_and_kill({helper, path, std::to_string(group.value), std::to_string(member.value), prefix},
                            delay);
    INFO("child " << run.status << ", acknowledged " << run.acknowledged.size());
    // The child must still have been running: had it stopped by itself, it met an error.
    CHECK(run.killed_by_us);

    std::set<std::string> this_round;
    for (const auto& key : run.acknowledged) {
      CHECK(key.rfind(prefix, 0) == 0);
      CHECK(this_round.insert(key).second);  // no key acknowledged twice
    }
    all_acknowledged.insert(this_round.begin(), this_round.end());

    // Reopening runs recovery of the WAL the kill left behind.
    store_options options;
    options.path = path;
    store s(options);
    read_session reader(path);
    auto& db = reader.db();
    std::size_t lost = 0, doubled = 0;
    for (const auto& key : all_acknowledged) {
      auto n = query_int(db, "SELECT count(*) FROM idempotency_keys WHERE group_id = ? AND key = ?",
                         {group.value, key});
      if (n == 0) ++lost;
      if (n > 1) ++doubled;
    }
    CHECK(lost == 0);
    CHECK(doubled == 0);
    // Every entry is whole: two lines or more, balanced, with its key; no line without its entry.
    CHECK(query_int(db,
                    "SELECT count(*) FROM entries e WHERE (SELECT count(*) FROM lines l "
                    "WHERE l.entry_id = e.id) < 2") == 0);
    CHECK(query_int(
              db,
              "SELECT count(*) FROM (SELECT l.entry_id FROM lines l JOIN accounts a ON a.id = l.account_id "
              "GROUP BY l.entry_id, a.currency HAVING sum(l.debit) <> sum(l.credit))") == 0);
    CHECK(query_int(db, "SELECT count(*) FROM lines WHERE entry_id NOT IN (SELECT id FROM entries)") == 0);
    auto entries = query_int(db, "SELECT count(*) FROM entries WHERE group_id = ?", {group.value});
    CHECK(entries ==
          query_int(db, "SELECT count(*) FROM idempotency_keys WHERE group_id = ?", {group.value}));
    CHECK(entries >= static_cast<std::int64_t>(all_acknowledged.size()));
    // A key of this round that was never acknowledged may exist (committed, then killed before printing),
    // but only as one entry; keys from before are all still there.
    CHECK(query_int(db, "SELECT count(*) FROM idempotency_keys WHERE group_id = ? AND key LIKE ?",
                    {group.value, prefix + "%"}) >= static_cast<std::int64_t>(this_round.size()));
    auto report = verify_all(db);
    CHECK(report.ok());
    for (const auto& c : report.chains) {
      INFO("group " << c.group.value << ": " << c.problem);
      CHECK(c.ok);
    }
    CHECK(report.balances.empty());
  }
  // The rounds did real work: a test that never saw an acknowledgement would prove nothing.
  CHECK(all_acknowledged.size() > 0);

  // And the file is still a working ledger.
  store_options options;
  options.path = path;
  store s(options);
  auto next =
      post(s, make_posting(group, "2026-01-02", {debit("1010", "1"), credit("4020", "1")}, "after-crash"));
  REQUIRE(code_of(next) == "ok");
  read_session reader(path);
  CHECK(next->entry.seq ==
        query_int(reader.db(), "SELECT count(*) FROM entries WHERE group_id = ?", {group.value}));
  CHECK(verify_all(reader.db()).ok());
}
