#pragma once
// What a group's journal says about how it is kept, for the staff's warnings (ledger/reports/warnings):
// how many entries and when the last was recorded, reversals, and back-dated entries. Plain counts, no rules.
#include "ledger/date.hpp"
#include "ledger/ids.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace samaki::ledger {

struct journal_activity {
  std::int64_t entries = 0;
  std::optional<std::string> last_recorded;  // created_at of the newest entry (RFC 3339 UTC)
  std::optional<calendar_date> last_date;    // the latest value date
  std::int64_t reversals = 0;                // reversing entries, ever
  std::int64_t recent_reversals = 0;         // of them recorded on or after `since`
  std::int64_t back_dated = 0;               // back-dated entries (see below), ever
  std::int64_t recent_back_dated = 0;        // of them recorded on or after `since`
  std::optional<std::int64_t> last_back_dated_seq;
};

// An entry is back-dated when its value date is more than `tolerance_days` before the later of
//  - the day it was recorded (the UTC date of its created_at), and
//  - the latest value date of the group's entries recorded before it (lower seq),
// i.e. it was slipped in behind books that had already moved on. The first entry of a group is compared
// with its recording day only. Counts by recording day (created_at) against `since`.
journal_activity journal_activity_of(sqlite::connection& db, group_id group, calendar_date since,
                                     std::int32_t tolerance_days);

}  // namespace samaki::ledger
