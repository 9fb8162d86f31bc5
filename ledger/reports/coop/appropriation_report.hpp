#pragma once
// GET .../reports/appropriation?year=&dividend_percent=: the year-end appropriation of a cooperative as the
// year_end operation would make it today, or as it made it once the year is closed (then `recorded`).
#include "ledger/coop/appropriation.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/store/sqlite.hpp"

namespace samaki::ledger {

struct appropriation_report {
  group_info group;
  appropriation_sheet sheet;
  bool recorded = false;  // the year's year_end made it; otherwise a preview
};

// wrong_group_kind for another kind of group; the refusals of appropriate() for a preview that year_end
// would refuse (a loss, a dividend above the cap, more than the surplus).
result<appropriation_report> read_appropriation_report(sqlite::connection& db, group_id group, int year,
                                                       percent dividend);

// A cooperative, or wrong_group_kind (not_found for no group).
result<group_info> cooperative(sqlite::connection& db, group_id group);

}  // namespace samaki::ledger
