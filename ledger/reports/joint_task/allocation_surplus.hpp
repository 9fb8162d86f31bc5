#pragma once
// What a joint-task committee's allocation on a day may share (operations.md, "allocation"): the surplus on
// 3060 once income and expenses through that day are closed into it, in the group's currency. The
// allocation refuses more (insufficient_funds); GET .../reports/allocation-surplus?as_of= shows it on the
// form before the treasurer types the split.
#include "ledger/groups/group.hpp"
#include "ledger/money.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>

namespace samaki::ledger {

struct allocation_surplus {
  calendar_date as_of;
  std::optional<calendar_date> last_allocation;  // the latest one, if any
  money carried;                                 // already on 3060: left over from earlier allocations
  money result;                                  // income less expenses through the day, not yet closed
  money surplus;                                 // carried plus result
};

allocation_surplus read_allocation_surplus(sqlite::connection& db, const group_info& group,
                                           calendar_date day);

}  // namespace samaki::ledger
