#pragma once
// The journal writer: the only code that writes entries, their lines, running balances and chain heads.
// It takes an entry that passed the posting rules against the books as they are now, links it to the
// group's chain and moves the writer's caches only after every row is written.
#include "ledger/journal/journal.hpp"
#include "ledger/journal/posting_rules.hpp"

namespace samaki::ledger {

class write_context;
struct group_state;

entry append_entry(write_context& ctx, group_state& group, const checked_entry& checked);

}  // namespace samaki::ledger
