#include "ledger/store/read_session.hpp"

namespace samaki::ledger {

read_session::read_session(const std::string& path) : db_(path, sqlite::open_mode::read_only) {
  db_.exec("PRAGMA foreign_keys = ON");
  db_.exec("PRAGMA cache_size = -16384");
}

read_session::snapshot::snapshot(read_session& s) : db_(s.db()) {
  db_.exec("BEGIN");
}

read_session::snapshot::~snapshot() {
  try {
    db_.exec("COMMIT");
  } catch (const sqlite::sqlite_error&) {
    // A read transaction has nothing to lose.
  }
}

}  // namespace samaki::ledger
