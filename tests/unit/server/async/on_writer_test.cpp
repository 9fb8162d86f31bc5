// on_writer: a handler awaits the ledger writer and resumes on its own thread after the commit.
#include "server/async/on_writer.hpp"
#include "server/async/run_sync.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace samaki;

TEST_CASE("on_writer answers after the writer's batch, on the awaiting thread", "[server][db]") {
  test::temp_dir dir;
  ledger::store store(test::test_store_options(dir.file("w.db")));
  const auto caller = std::this_thread::get_id();
  std::thread::id writer;
  std::thread::id resumed;
  const auto answer = server::run_sync([&]() -> boost::asio::awaitable<ledger::result<int>> {
    auto r = co_await server::on_writer<int>(store, [&](ledger::write_context&) -> ledger::result<int> {
      writer = std::this_thread::get_id();
      return 7;
    });
    resumed = std::this_thread::get_id();
    co_return r;
  }());
  REQUIRE(answer.has_value());
  CHECK(*answer == 7);
  CHECK(writer != caller);
  CHECK(resumed == caller);

  const auto refused =
      server::run_sync(server::on_writer<int>(store, [](ledger::write_context&) -> ledger::result<int> {
        return ledger::error(ledger::errc::period_closed, "closed");
      }));
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().code == ledger::errc::period_closed);
  store.stop();
}
