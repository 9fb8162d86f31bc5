#pragma once
// GET .../reports/appropriation?year=&dividend_percent=: the year-end appropriation of a cooperative as the
// year_end operation would make it today, or as it made it once the year is closed (then `recorded`).
#include "ledger/coop/appropriation.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>

namespace samaki::ledger {

struct appropriation_report {
  group_info group;
  appropriation_sheet sheet;
  bool recorded = false;  // the year's year_end made it; otherwise a preview
  calendar_date as_of;    // 31 December, or the day of the year a preview was asked for
};

// wrong_group_kind for another kind of group; the refusals of appropriate() for a preview that year_end
// would refuse (a loss, a dividend above the cap, more than the surplus). With `as_of` (a day of the year
// before 31 December), a preview as if the year ended that day: the surplus through it, share capital on
// it, the business from 1 January to it, the by-laws in force on it (bad_request for a day outside the year).
result<appropriation_report> read_appropriation_report(sqlite::connection& db, group_id group, int year,
                                                       percent dividend,
                                                       std::optional<calendar_date> as_of = std::nullopt);

// A cooperative, or wrong_group_kind (not_found for no group).
result<group_info> cooperative(sqlite::connection& db, group_id group);

}  // namespace samaki::ledger
