#include "ledger/store/checkpointer.hpp"

#include "ledger/store/sqlite.hpp"
#include "ledger/store/store.hpp"

#include <pthread.h>
#include <spdlog/spdlog.h>

namespace samaki::ledger {

checkpointer::checkpointer(std::string path, bool synchronous_full, int wal_pages_threshold)
    : path_(std::move(path)), synchronous_full_(synchronous_full), threshold_(wal_pages_threshold) {
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "samaki-ckpt");
    run();
  });
}

checkpointer::~checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void checkpointer::wal_grew(int pages) {
  if (pages < threshold_) return;
  {
    std::lock_guard lock(mutex_);
    if (due_) return;
    due_ = true;
  }
  wake_.notify_one();
}

void checkpointer::run() {
  sqlite::connection db(path_, sqlite::open_mode::read_write_create);
  configure_connection(db, synchronous_full_);
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return due_ || stopping_; });
      if (stopping_) break;
      due_ = false;
    }
    int log_pages = 0, checkpointed = 0;
    int rc =
        sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log_pages, &checkpointed);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) spdlog::warn("checkpoint failed: {}", sqlite3_errstr(rc));
  }
  // A last full checkpoint so a cleanly stopped database is one file again.
  sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

}  // namespace samaki::ledger
