#pragma once
// The password-hashing threads. Argon2id is slow and memory-hungry on purpose, so checking and making
// password hashes runs here, apart from the database threads: members signing in together never hold up
// balance reads. The pool is bounded: beyond its threads and `queue_limit` waiting hashings, work is
// refused at once (503 unavailable) rather than piling up.
//   auto hash = co_await on_hash_pool(ctx.service.hashing, [&] { return ledger::hash_password(p); });
//   if (!hash) co_return error_response(hash.error());
#include "ledger/error.hpp"
#include "server/async/run_on.hpp"

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <cstddef>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace samaki::server {

class hash_pool {
 public:
  hash_pool(std::size_t threads, std::size_t queue_limit);
  ~hash_pool();
  hash_pool(const hash_pool&) = delete;
  hash_pool& operator=(const hash_pool&) = delete;

  // One admitted piece of work; its place is free again when the ticket is destroyed.
  class ticket {
   public:
    explicit ticket(std::atomic<std::size_t>& admitted) : admitted_(&admitted) {}
    ticket(ticket&& other) noexcept : admitted_(std::exchange(other.admitted_, nullptr)) {}
    ticket& operator=(ticket&&) = delete;
    ~ticket() {
      if (admitted_ != nullptr) admitted_->fetch_sub(1);
    }

   private:
    std::atomic<std::size_t>* admitted_;
  };

  // A place for one piece of work, or nothing while threads + queue_limit pieces are running or waiting.
  std::optional<ticket> admit();
  // Work running or waiting now.
  std::size_t admitted() const { return admitted_.load(); }
  std::size_t capacity() const { return capacity_; }

  boost::asio::io_context::executor_type executor() { return io_.get_executor(); }

  // Finishes the work already queued, then joins the threads. Idempotent.
  void stop();

 private:
  const std::size_t capacity_;
  std::atomic<std::size_t> admitted_{0};
  boost::asio::io_context io_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> keep_running_;
  std::vector<std::thread> threads_;
};

// Runs `work()` on a hash thread and returns its result on the calling coroutine's executor, or an
// `unavailable` error at once when the pool is full. `work` may capture by reference.
template <class F>
auto on_hash_pool(hash_pool& pool, F work)
    -> boost::asio::awaitable<ledger::result<std::invoke_result_t<F&>>> {
  auto place = pool.admit();
  if (!place) {
    co_return ledger::error(ledger::errc::unavailable,
                            "too many sign-ins are being checked right now; try again in a moment");
  }
  // The place is given back on the hash thread as soon as the work is done.
  auto admitted = [&work, &place] {
    const hash_pool::ticket done{std::move(*place)};
    return work();
  };
  if constexpr (std::is_void_v<std::invoke_result_t<F&>>) {
    co_await run_on(pool.executor(), std::move(admitted));
    co_return ledger::result<void>();
  } else {
    co_return co_await run_on(pool.executor(), std::move(admitted));
  }
}

}  // namespace samaki::server
