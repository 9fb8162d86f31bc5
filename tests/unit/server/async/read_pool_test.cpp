// on_reader: work runs on a database thread with that thread's context, and the caller resumes on its own.
#include "server/async/read_pool.hpp"
#include "server/async/run_sync.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <thread>

using namespace samaki::server;
using boost::asio::awaitable;

namespace {

// A result type with no default constructor, like ledger::result<T>.
struct only_explicit {
  explicit only_explicit(int v) : value(v) {}
  int value;
};

}  // namespace

TEST_CASE("on_reader runs the work on a database thread and resumes the caller on its own thread",
          "[server][db]") {
  read_pool db(2, {});
  const auto caller = std::this_thread::get_id();
  std::thread::id worker;
  std::thread::id resumed;
  const int answer = run_sync([&]() -> awaitable<int> {
    const int v = co_await on_reader(db, [&](reader& ctx) {
      worker = std::this_thread::get_id();
      return ctx.thread_index < 2 ? 42 : -1;
    });
    resumed = std::this_thread::get_id();
    co_return v;
  }());
  CHECK(answer == 42);
  CHECK(worker != caller);
  CHECK(resumed == caller);
}

TEST_CASE("on_reader carries results without default constructors, void, and exceptions", "[server][db]") {
  read_pool db(1, {});
  const auto result = run_sync(on_reader(db, [](reader&) { return only_explicit(7); }));
  CHECK(result.value == 7);
  bool ran = false;
  run_sync(on_reader(db, [&](reader&) { ran = true; }));
  CHECK(ran);
  CHECK_THROWS_WITH(run_sync(on_reader(db, [](reader&) -> int { throw std::runtime_error("disk"); })),
                    "disk");
}

TEST_CASE("each database thread makes its own context once", "[server][db]") {
  std::mutex mutex;
  std::set<std::size_t> made;
  read_pool db(3, [&](std::size_t index) {
    std::lock_guard lock(mutex);
    made.insert(index);
    return std::make_unique<reader>(reader{index, nullptr});
  });
  CHECK(made == std::set<std::size_t>{0, 1, 2});
  CHECK_THROWS_WITH(read_pool(2,
                              [](std::size_t) -> std::unique_ptr<reader> {
                                throw std::runtime_error("cannot open database");
                              }),
                    "cannot open database");
  CHECK_THROWS_AS(read_pool::current(), std::logic_error);
}

TEST_CASE("await_callback resumes on the caller when completed from another thread", "[server][db]") {
  const auto caller = std::this_thread::get_id();
  std::jthread completer;
  const auto [value, resumed] = run_sync([&]() -> awaitable<std::pair<std::string, std::thread::id>> {
    auto v = co_await await_callback<std::string>([&](std::function<void(std::string)> done) {
      completer = std::jthread([done = std::move(done)] { done("committed"); });
    });
    co_return std::pair(v, std::this_thread::get_id());
  }());
  CHECK(value == "committed");
  CHECK(resumed == caller);
}
