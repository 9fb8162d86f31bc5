#pragma once
// A joint-task committee's allocations of its net income (operations.md, "allocation"): what the committee
// decided and what each member was given. Reads count only allocations still in force (not reversed).
#include "ledger/date.hpp"
#include "ledger/ids.hpp"
#include "ledger/money.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

class write_context;

struct allocation_share {
  member_id member;
  std::int64_t weight = 0;  // 1 for an equal split, else the days worked
  money amount;
};

struct allocation_record {
  operation_id operation;
  calendar_date date;
  std::string decision;  // the minute book's reference
  money surplus;         // 3060 after closing, before the allocation
  money village_fund, reinvest, members_amount;
  std::string split;  // equal or work_days
  std::optional<calendar_date> work_from, work_to;
  std::vector<allocation_share> members;
};

void insert_allocation(write_context& ctx, group_id group, const allocation_record& allocation);
// Oldest first, with their members.
std::vector<allocation_record> load_allocations(sqlite::connection& db, group_id group,
                                                iso_currency currency);

}  // namespace samaki::ledger
