// The hash pool: work runs on its threads and the caller resumes on its own; at most threads +
// queue_limit pieces are in at once, the rest are refused at once with `unavailable`.
#include "server/async/hash_pool.hpp"
#include "server/async/run_sync.hpp"

#include <catch2/catch.hpp>

#include <future>
#include <thread>

using namespace samaki::server;
using boost::asio::awaitable;

TEST_CASE("on_hash_pool runs the work on a hash thread and carries its result or exception",
          "[server][hashing]") {
  hash_pool pool(1, 0);
  const auto caller = std::this_thread::get_id();
  std::thread::id worker;
  const auto result = run_sync(on_hash_pool(pool, [&] {
    worker = std::this_thread::get_id();
    return 42;
  }));
  REQUIRE(result.has_value());
  CHECK(*result == 42);
  CHECK(worker != caller);
  CHECK(pool.admitted() == 0);
  CHECK_THROWS_WITH(run_sync(on_hash_pool(pool, []() -> int { throw std::runtime_error("argon2"); })),
                    "argon2");
  CHECK(pool.admitted() == 0);  // a failed piece gives its place back too
}

TEST_CASE("a full hash pool refuses at once, and takes work again as places free up", "[server][hashing]") {
  hash_pool pool(1, 1);
  CHECK(pool.capacity() == 2);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  // Two pieces that wait: one running on the thread, one queued behind it.
  std::vector<std::future<samaki::ledger::result<int>>> busy;
  for (int i = 0; i < 2; ++i) {
    busy.push_back(std::async(std::launch::async, [&pool, released, i] {
      return run_sync(on_hash_pool(pool, [released, i] {
        released.wait();
        return i;
      }));
    }));
  }
  while (pool.admitted() < 2) std::this_thread::yield();

  const auto refused = run_sync(on_hash_pool(pool, [] { return 7; }));
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().code == samaki::ledger::errc::unavailable);
  CHECK_FALSE(pool.admit().has_value());

  release.set_value();
  for (auto& b : busy) CHECK(b.get().has_value());
  CHECK(pool.admitted() == 0);
  const auto again = run_sync(on_hash_pool(pool, [] { return 7; }));
  REQUIRE(again.has_value());
  CHECK(*again == 7);
}
