#pragma once
// A read-only connection for one reader thread. WAL lets any number of these read beside the writer.
#include "ledger/store/sqlite.hpp"

#include <string>

namespace samaki::ledger {

class read_session {
 public:
  explicit read_session(const std::string& path);
  sqlite::connection& db() { return db_; }

 private:
  sqlite::connection db_;
};

}  // namespace samaki::ledger
