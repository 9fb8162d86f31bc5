#pragma once
// The database threads. I/O threads never wait on SQLite: a handler writes
//   auto rows = co_await on_reader(ctx.service, [&](reader& r) { return ...; });
// and the callable runs on a database thread; the handler resumes on its connection's strand.
#include "server/async/reader.hpp"
#include "server/async/run_on.hpp"

#include <boost/asio/io_context.hpp>

#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace samaki::server {

class read_pool {
 public:
  // Starts `threads` threads, each making its context with `make_context` before taking work;
  // rethrows the first failure to make one.
  read_pool(std::size_t threads, reader_factory make_context);
  ~read_pool();
  read_pool(const read_pool&) = delete;
  read_pool& operator=(const read_pool&) = delete;

  // Finishes the work already queued, then joins the threads. Idempotent.
  void stop();

  boost::asio::io_context::executor_type executor() { return io_.get_executor(); }
  std::size_t thread_count() const { return threads_.size(); }

  // The context of the database thread calling this; only valid on a database thread.
  static reader& current();

 private:
  boost::asio::io_context io_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> keep_running_;
  std::vector<std::thread> threads_;
};

// Runs `work(reader&)` on a database thread and returns (or rethrows) its result on the
// calling coroutine's executor. `work` is kept in the coroutine frame, so it may capture by reference.
template <class F>
auto on_reader(read_pool& db, F work) -> boost::asio::awaitable<std::invoke_result_t<F&, reader&>> {
  co_return co_await run_on(db.executor(), [&work] { return work(read_pool::current()); });
}

}  // namespace samaki::server
