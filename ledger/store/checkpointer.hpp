#pragma once
// Moves WAL checkpoints off the writer's path: the writer's commits only append to the WAL, and this
// thread, with its own connection, copies the WAL back into the database file when it has grown.
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace samaki::ledger {

class checkpointer {
 public:
  checkpointer(std::string path, bool synchronous_full, int wal_pages_threshold);
  ~checkpointer();
  checkpointer(const checkpointer&) = delete;
  checkpointer& operator=(const checkpointer&) = delete;

  // Called by the writer after a commit with the WAL's size in pages; cheap when nothing is due.
  void wal_grew(int pages);

 private:
  void run();

  std::string path_;
  bool synchronous_full_;
  int threshold_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool due_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace samaki::ledger
