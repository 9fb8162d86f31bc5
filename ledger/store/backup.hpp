#pragma once
// Backups: a consistent copy of a live database (WAL lets it run beside the writer), and restoring a
// copy into an empty path. Both throw std::runtime_error with a reason a person can act on.
#include <cstdint>
#include <functional>
#include <string>

namespace samaki::ledger {

// Told how many pages of how many are copied, a few hundred pages at a time (for a progress bar).
using backup_progress = std::function<void(std::int64_t copied, std::int64_t total)>;

// Copies the database at `from` into the new file `to` (which must not exist) from one read snapshot.
void backup_database(const std::string& from, const std::string& to, const backup_progress& progress = {});

// Checks that `from` is a Samaki database this build can read, whose integrity check, hash chains and
// running balances pass, then copies it to `to`, which must not exist yet or be an empty file.
void restore_database(const std::string& from, const std::string& to);

}  // namespace samaki::ledger
