#pragma once
// The store: one SQLite file, one writer thread that owns the only write connection and commits queued
// work in batches (group commit), and read-only sessions for everyone else.
#include "ledger/error.hpp"
#include "ledger/ids.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace samaki::ledger {

class write_context;

struct store_options {
  std::string path;
  bool synchronous_full = true;       // PRAGMA synchronous=FULL: a commit survives power loss
  std::size_t max_batch = 1024;       // most pieces of work in one transaction
  int timezone_offset_minutes = 420;  // for "today" (Cambodia: UTC+7)
  // Debugging: run every batch, roll it back, and run it again before committing, so work that is not
  // safe to run twice (batch replay depends on it) shows up in tests. The unit tests' stores set it.
  bool rehearse_batches = false;
  // PRAGMA max_page_count for the writer when not 0: the database may grow to this many pages and no
  // further, as if the disk were full (tests of a full disk; a cap on the file's size).
  std::int64_t max_pages = 0;
};

// What the writer did in one batch, for metrics.
struct batch_report {
  std::size_t size = 0;
  std::size_t failed = 0;
  bool committed = false;
  std::chrono::nanoseconds duration{};         // the whole batch, work and commit
  std::chrono::nanoseconds commit_duration{};  // COMMIT alone (the durable write)
  std::vector<group_id> changed_groups;  // whose books the work changed, by id (also when COMMIT failed)
};

class store {
 public:
  // Opens (creating if needed) and migrates the database, then starts the writer thread.
  explicit store(store_options options);
  ~store();
  store(const store&) = delete;
  store& operator=(const store&) = delete;

  // Queues `work` for the writer. It runs inside the batch's transaction and fails alone: an error
  // result before any write changes nothing; an exception, or an error after writing, takes the work out
  // and the batch runs again without it. Work must therefore be re-runnable (it only reads and writes
  // through `write_context`) and must not block. `done` is called on the writer thread after the batch
  // commits (so an ok result is durable), or with the error.
  template <class T>
  void submit(std::function<result<T>(write_context&)> work, std::function<void(result<T>)> done) {
    enqueue(std::make_unique<typed_job<T>>(std::move(work), std::move(done)));
  }

  // The same, for callers that can block on the answer (CLI, tests, benchmarks).
  template <class T>
  std::future<result<T>> submit(std::function<result<T>(write_context&)> work) {
    auto promise = std::make_shared<std::promise<result<T>>>();
    auto future = promise->get_future();
    submit<T>(std::move(work), [promise](result<T> r) { promise->set_value(std::move(r)); });
    return future;
  }

  // Answers everything queued, then stops the writer. Later submissions fail with `unavailable`.
  void stop();

  // Called on the writer thread after each batch, before its work is answered: what the observer does
  // with `changed_groups` (dropping copies of those books) is done before any caller hears of the commit.
  void on_batch(std::function<void(const batch_report&)> observer);
  // Called on the writer thread just before a batch's COMMIT with the groups it changes; on_batch follows
  // whether or not the commit succeeds. Together they bracket the moment the change becomes visible.
  void on_committing(std::function<void(const std::vector<group_id>&)> observer);

  const store_options& options() const { return options_; }

 private:
  struct job {
    virtual ~job() = default;
    virtual bool run(write_context& ctx) = 0;  // true when the work succeeded
    virtual void fail(error e) = 0;
    virtual void finish() = 0;
  };

  template <class T>
  struct typed_job final : job {
    typed_job(std::function<result<T>(write_context&)> w, std::function<void(result<T>)> d)
        : work(std::move(w)), done(std::move(d)) {}
    bool run(write_context& ctx) override {
      outcome.emplace(work(ctx));
      return outcome->has_value();
    }
    void fail(error e) override { outcome.emplace(std::move(e)); }
    void finish() override { done(std::move(*outcome)); }

    std::function<result<T>(write_context&)> work;
    std::function<void(result<T>)> done;
    std::optional<result<T>> outcome;
  };

  void enqueue(std::unique_ptr<job> j);
  void writer_loop();
  void run_batch(std::deque<std::unique_ptr<job>>& batch);

  store_options options_;
  std::unique_ptr<write_context> context_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::unique_ptr<job>> queue_;
  bool stopping_ = false;
  std::function<void(const batch_report&)> observer_;
  std::function<void(const std::vector<group_id>&)> committing_;
  std::thread writer_;
};

// Opens a connection with the pragmas every Samaki connection uses (WAL, foreign keys, synchronous).
namespace sqlite {
class connection;
}
void configure_connection(sqlite::connection& db, bool synchronous_full);

}  // namespace samaki::ledger
