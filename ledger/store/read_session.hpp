#pragma once
// A read-only connection for one reader thread. WAL lets any number of these read beside the writer.
#include "ledger/store/sqlite.hpp"

#include <string>

namespace samaki::ledger {

class read_session {
 public:
  explicit read_session(const std::string& path);
  sqlite::connection& db() { return db_; }

  // A consistent snapshot across several queries: BEGIN (deferred) now, ended by the guard.
  class snapshot {
   public:
    explicit snapshot(read_session& s);
    ~snapshot();
    snapshot(const snapshot&) = delete;
    snapshot& operator=(const snapshot&) = delete;

   private:
    sqlite::connection& db_;
  };

 private:
  sqlite::connection db_;
};

}  // namespace samaki::ledger
