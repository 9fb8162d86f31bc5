#pragma once
// The staff's view of many groups (issue 10): per group, its members, when it last recorded something,
// its cash, its loans and its warnings, each group in its own read snapshot. The cost is that of the
// warnings: a few grouped reads per group, plus the walk of the hash chain for groups with closed periods.
#include "ledger/date.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/money.hpp"
#include "ledger/reports/warnings.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

struct group_overview {
  group_info group;
  int members = 0;  // not left
  std::int64_t entries = 0;
  std::optional<std::string> last_activity;  // when the newest entry was recorded
  std::optional<calendar_date> last_entry_date;
  money cash;                              // cash boxes and bank accounts in the group's currency
  std::optional<money> loans_outstanding;  // groups that lend
  std::optional<std::string> par30;
  std::vector<group_warning> warnings;
};

group_overview overview_of(sqlite::connection& db, const group_info& group, calendar_date today,
                           const warning_rules& rules = {});

}  // namespace samaki::ledger
