#include "ledger/store/store.hpp"

#include "ledger/store/checkpointer.hpp"
#include "ledger/store/migrations.hpp"
#include "ledger/store/sqlite.hpp"
#include "ledger/store/write_context.hpp"

#include <pthread.h>
#include <spdlog/spdlog.h>
#include <filesystem>

namespace samaki::ledger {

void configure_connection(sqlite::connection& db, bool synchronous_full) {
  db.exec("PRAGMA journal_mode = WAL");
  db.exec(synchronous_full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA foreign_keys = ON");
  // Savepoint journals and sorts stay in memory instead of temporary files.
  db.exec("PRAGMA temp_store = MEMORY");
}

namespace {

// The writer's connection lives as long as the writer thread; the context borrows it.
// The folder of a new database is made first, so `--db data/samaki.db` works on a fresh checkout.
const std::string& with_parent_folder(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  return path;
}

struct writer_connection {
  explicit writer_connection(const store_options& options)
      : db(with_parent_folder(options.path), sqlite::open_mode::read_write_create) {
    configure_connection(db, options.synchronous_full);
    // A bigger page cache keeps the indexes of a long history in memory.
    db.exec("PRAGMA cache_size = -65536");
    migrate(db);
    if (options.max_pages > 0) db.exec("PRAGMA max_page_count = " + std::to_string(options.max_pages));
    // Commits only append to the WAL; the checkpointer copies it back, off the writer's path.
    wal.emplace(options.path, options.synchronous_full, 1000);
    sqlite3_wal_hook(db.handle(), &writer_connection::on_commit, &*wal);
  }
  static int on_commit(void* wal, sqlite3*, const char*, int pages) {
    static_cast<checkpointer*>(wal)->wal_grew(pages);
    return SQLITE_OK;
  }
  ~writer_connection() { sqlite3_wal_hook(db.handle(), nullptr, nullptr); }
  sqlite::connection db;
  std::optional<checkpointer> wal;
};

// What a caller hears when SQLite could not write: a full disk and a failing one are named, so a client
// can tell them from a bug; `otherwise` for everything else.
error write_failure(const std::exception& e, error otherwise) {
  const auto* failure = dynamic_cast<const sqlite::sqlite_error*>(&e);
  if (failure == nullptr) return otherwise;
  switch (failure->code & 0xff) {
    case SQLITE_FULL:
      return error(errc::unavailable,
                   "the database has no room to grow: nothing was written; try again when space is freed",
                   {{"reason", "storage_full"}});
    case SQLITE_IOERR:
      return error(errc::unavailable, "the disk failed to write: nothing was written; try again",
                   {{"reason", "io_error"}});
    default: return otherwise;
  }
}

}  // namespace

store::store(store_options options) : options_(std::move(options)) {
  // Open and migrate on the caller's thread so a bad path or schema fails the constructor.
  auto holder = std::make_shared<writer_connection>(options_);
  context_ = std::make_unique<write_context>(holder->db, options_.timezone_offset_minutes);
  writer_ = std::thread([this, holder] {
    pthread_setname_np(pthread_self(), "samaki-writer");
    writer_loop();
    context_.reset();
  });
}

store::~store() {
  stop();
}

void store::on_batch(std::function<void(const batch_report&)> observer) {
  std::lock_guard lock(mutex_);
  observer_ = std::move(observer);
}

void store::on_committing(std::function<void(const std::vector<group_id>&)> observer) {
  std::lock_guard lock(mutex_);
  committing_ = std::move(observer);
}

void store::enqueue(std::unique_ptr<job> j) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      queue_.push_back(std::move(j));
      wake_.notify_one();
      return;
    }
  }
  j->fail(error(errc::unavailable, "the store is shutting down"));
  j->finish();
}

void store::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !writer_.joinable()) return;
    stopping_ = true;
    wake_.notify_all();
  }
  if (writer_.joinable() && writer_.get_id() != std::this_thread::get_id()) writer_.join();
}

void store::writer_loop() {
  for (;;) {
    std::deque<std::unique_ptr<job>> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued has been answered
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    run_batch(batch);
  }
}

// Runs the batch in one transaction. Work validates before it writes, so a refused posting leaves
// nothing to undo and costs no savepoint (savepoints measured at a sixth of the writer's throughput:
// SQLite copies every page a savepoint touches). Work that throws, or that returns an error after
// writing, is taken out and the batch is rolled back and run again without it: it fails alone.
void store::run_batch(std::deque<std::unique_ptr<job>>& batch) {
  auto started = std::chrono::steady_clock::now();
  batch_report report;
  report.size = batch.size();
  auto& db = context_->db();
  std::vector<bool> taken_out(batch.size(), false);
  std::function<void(const std::vector<group_id>&)> committing;
  {
    std::lock_guard lock(mutex_);
    committing = committing_;
  }
  try {
    // A rehearsal pass runs the whole batch and throws its work away, as a replay after a failure would.
    bool rehearsal = options_.rehearse_batches;
    for (bool replay = true; replay;) {
      replay = false;
      report.failed = 0;
      sqlite::transaction tx(db);
      for (std::size_t i = 0; i < batch.size() && !replay; ++i) {
        if (taken_out[i]) {
          ++report.failed;
          continue;
        }
        auto changes_before = sqlite3_total_changes64(db.handle());
        try {
          if (!batch[i]->run(*context_)) {
            ++report.failed;
            // An error after writing leaves rows behind: roll back and run the others again.
            replay = sqlite3_total_changes64(db.handle()) != changes_before;
          }
        } catch (const std::exception& e) {
          spdlog::error("writer: work failed: {}", e.what());
          batch[i]->fail(write_failure(e, error(errc::internal, "the ledger could not store this")));
          replay = true;
        }
        if (replay) taken_out[i] = true;
      }
      if (replay || rehearsal) {
        // The rollback (tx's destructor) also undoes what the caches learnt from this attempt.
        context_->invalidate();
        replay = true;
        rehearsal = false;
        continue;
      }
      // Taken before COMMIT, so nothing after it can fail and leave a committed batch unreported.
      report.changed_groups = context_->take_changed();
      if (committing) committing(report.changed_groups);
      auto commit_started = std::chrono::steady_clock::now();
      tx.commit();
      report.commit_duration = std::chrono::steady_clock::now() - commit_started;
      report.committed = true;
    }
  } catch (const std::exception& e) {
    spdlog::error("writer: batch of {} failed to commit: {}", batch.size(), e.what());
    context_->invalidate();
    auto failure = write_failure(e, error(errc::unavailable, "the ledger could not commit; try again"));
    for (std::size_t i = 0; i < batch.size(); ++i)
      if (!taken_out[i]) batch[i]->fail(failure);
    report.failed = batch.size();
  }
  report.duration = std::chrono::steady_clock::now() - started;
  std::function<void(const batch_report&)> observer;
  {
    std::lock_guard lock(mutex_);
    observer = observer_;
  }
  if (observer) observer(report);
  for (auto& j : batch) j->finish();
}

}  // namespace samaki::ledger
