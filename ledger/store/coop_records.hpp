#pragma once
// The rows of cooperatives: by-laws versions and year-end appropriations. Reads count only rows of
// operations still in force (not reversed).
#include "ledger/coop/appropriation.hpp"
#include "ledger/coop/bylaws.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>
#include <vector>

namespace samaki::ledger {

class write_context;

void insert_bylaws(write_context& ctx, group_id group, operation_id operation, const bylaws& b);
// Oldest first (by effective date, then as recorded).
std::vector<bylaws> load_bylaws(sqlite::connection& db, const group_info& group);

void insert_appropriation(write_context& ctx, group_id group, operation_id operation,
                          const appropriation_sheet& sheet);
// The appropriation recorded for the year, with the by-laws it was made under; nullopt when none.
std::optional<appropriation_sheet> load_appropriation(sqlite::connection& db, const group_info& group,
                                                      int year);

}  // namespace samaki::ledger
