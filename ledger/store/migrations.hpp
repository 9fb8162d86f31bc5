#pragma once
// The schema, as numbered migrations keyed on PRAGMA user_version.
#include "ledger/store/sqlite.hpp"

namespace samaki::ledger {

// Brings the database to the newest schema version; each step in its own transaction.
void migrate(sqlite::connection& db);

// The schema version this build writes.
int schema_version();

}  // namespace samaki::ledger
