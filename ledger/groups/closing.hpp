#pragma once
// The closing entry of a year or a cycle: every income and expense balance as of `through` moved into the
// group's surplus account (3020 for savings groups, 3060 otherwise), so income accounts start again at zero.
#include "ledger/error.hpp"
#include "ledger/journal/journal.hpp"

#include <optional>

namespace samaki::ledger {

class write_context;
struct group_state;

// The entry to post, or nothing when every income and expense account is already zero as of `through`.
result<std::optional<draft_entry>> closing_entry_for(write_context& ctx, const group_state& group,
                                                     calendar_date through);

}  // namespace samaki::ledger
