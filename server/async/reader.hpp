#pragma once
// What one database thread owns for its whole life. on_reader hands it to the work it runs, so work
// never shares a SQLite connection with another thread. The ledger's read session belongs here.
#include "ledger/store/read_session.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace samaki::server {

struct reader {
  std::size_t thread_index = 0;
  std::unique_ptr<ledger::read_session> reads;  // this thread's read-only connection (null in some tests)

  // The read session and its connection; throw if this context was made without one.
  ledger::read_session& session();
  ledger::sqlite::connection& db();
};

// Makes the context of one database thread, on that thread, when the executor starts.
using reader_factory = std::function<std::unique_ptr<reader>(std::size_t thread_index)>;

// Contexts that each open a read session on the database at `path` (which must exist, migrated).
reader_factory read_sessions_on(std::string path);

}  // namespace samaki::server
