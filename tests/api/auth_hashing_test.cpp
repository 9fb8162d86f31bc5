// Signing in does not stall the books: password hashing has its own bounded threads, so balance reads
// are answered while sign-ins fill them, and sign-ins beyond the queue are refused at once (503).
#include "tests/api/ledger_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace samaki::api_test;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

struct timed {
  int status;
  clock_type::duration took;
};

clock_type::duration median(std::vector<timed> samples, int status) {
  std::erase_if(samples, [&](const timed& t) { return t.status != status; });
  REQUIRE_FALSE(samples.empty());
  std::ranges::sort(samples, {}, &timed::took);
  return samples[samples.size() / 2].took;
}

}  // namespace

TEST_CASE(
    "balance reads are answered while sign-ins fill the hash threads, and the overflow gets 503 at once",
    "[api][auth][hashing]") {
  // One database thread: before hashing had threads of its own, every read queued behind the sign-ins.
  test_server server({"--db-threads", "1", "--hash-threads", "1", "--hash-queue-limit", "2",
                      "--login-max-failures", "1000"});
  auto admin = signed_in_as(server, "admin");
  const auto group = create_group(admin);
  add_user(server, "crowd", "many-members-at-once", "staff", {group});
  const auto balance = group_path(group, "/accounts/1010");  // read from the database every time
  REQUIRE(admin.get(balance).status == 200);

  std::atomic<bool> running{true};
  std::mutex mutex;
  std::vector<timed> logins;
  std::vector<std::string> retry_after;
  std::vector<std::jthread> crowd;
  for (int i = 0; i < 6; ++i) {
    crowd.emplace_back([&] {
      auto member = server.client();
      while (running) {
        const auto started = clock_type::now();
        const auto reply =
            member.post("/api/v1/auth/login", {{"username", "crowd"}, {"password", "many-members-at-once"}});
        const std::lock_guard lock(mutex);
        logins.push_back({reply.status, clock_type::now() - started});
        if (reply.status == 503) retry_after.push_back(reply.header("Retry-After"));
      }
    });
  }
  std::this_thread::sleep_for(300ms);  // let the crowd fill the hash threads and their queue
  std::vector<timed> reads;
  for (int i = 0; i < 30; ++i) {
    const auto started = clock_type::now();
    const auto reply = admin.get(balance);
    reads.push_back({reply.status, clock_type::now() - started});
    std::this_thread::sleep_for(50ms);
  }
  running = false;
  crowd.clear();

  for (const auto& r : reads) CHECK(r.status == 200);
  std::size_t refused = 0;
  for (const auto& l : logins) {
    CHECK((l.status == 200 || l.status == 503));
    refused += l.status == 503 ? 1 : 0;
  }
  INFO("logins " << logins.size() << ", refused " << refused);
  // Six at a time against one thread and two places in its queue: some are always turned away.
  CHECK(refused > 0);
  for (const auto& r : retry_after) CHECK(r == "1");
  const auto read_time = median(reads, 200);
  const auto login_time = median(logins, 200);
  const auto ms = [](clock_type::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  INFO("median read " << ms(read_time) << " ms, login " << ms(login_time) << " ms");
  // A read does not wait for the sign-ins queued before it; a refusal does not wait for the hash threads.
  CHECK(read_time * 5 < login_time);
  CHECK(median(logins, 503) * 2 < login_time);
}
