#pragma once
// Backups: a consistent copy of a live database (WAL lets it run beside the writer), and restoring a
// copy into an empty path. Both throw std::runtime_error with a reason a person can act on.
#include <string>

namespace samaki::ledger {

// Copies the database at `from` into the new file `to` (which must not exist) from one read snapshot.
void backup_database(const std::string& from, const std::string& to);

// Checks that `from` is a Samaki database this build can read, whose integrity check, hash chains and
// running balances pass, then copies it to `to`, which must not exist yet or be an empty file.
void restore_database(const std::string& from, const std::string& to);

}  // namespace samaki::ledger
