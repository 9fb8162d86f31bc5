#pragma once
// GET .../members/{mid}/harvests: one member of a joint-task committee, harvest by harvest (as the harvest
// report cuts them: each allocation closes the harvest since the previous one), the days they worked on the
// committee's labour in it and their share of its allocation; then what the allocations gave them in all,
// what was paid to them and what is still owed (their distributions payable, 2020[m]).
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/store/allocation_records.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>
#include <vector>

namespace samaki::ledger {

struct member_harvest {
  std::optional<calendar_date> from;            // none: from the committee's first day in Samaki
  std::optional<calendar_date> to;              // the allocation's day; none for the harvest still open
  std::optional<allocation_record> allocation;  // without its members; none while open
  std::int64_t work_days = 0;                   // days on labour dated in the harvest
  std::optional<allocation_share> share;        // theirs, when the allocation gave them a part
};

struct member_harvests {
  group_info group;
  member_info member;
  std::vector<member_harvest> harvests;  // oldest first; the open one last, when they worked in it
  money allocated;                       // every share of theirs
  money owed;                            // 2020[m], not yet paid
  money paid;                            // allocated less owed: what of their shares no longer stands owed
};

// wrong_group_kind for a group that is not a joint-task committee; not_found for a member of another group.
result<member_harvests> read_member_harvests(sqlite::connection& db, group_id group, member_id member);

}  // namespace samaki::ledger
