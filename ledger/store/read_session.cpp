#include "ledger/store/read_session.hpp"

namespace samaki::ledger {

read_session::read_session(const std::string& path) : db_(path, sqlite::open_mode::read_only) {
  db_.exec("PRAGMA foreign_keys = ON");
  db_.exec("PRAGMA cache_size = -16384");
}

}  // namespace samaki::ledger
