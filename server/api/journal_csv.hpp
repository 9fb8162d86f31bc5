#pragma once
// A group's journal as CSV, for `samaki export --format csv` and GET .../export?format=csv: one row per
// line of every entry, oldest first — what a spreadsheet needs to rebuild any report.
#include "ledger/ids.hpp"
#include "ledger/store/sqlite.hpp"

#include <functional>
#include <string>

namespace samaki::server {

// Hands the text to `out` a page of entries at a time, the header row first. Read inside one snapshot
// (ledger::read_session::snapshot), or pages may come from different moments.
void write_journal_csv(ledger::sqlite::connection& db, ledger::group_id group,
                       const std::function<void(std::string)>& out);

}  // namespace samaki::server
