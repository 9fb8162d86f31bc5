#pragma once
// Posting and reversing entries. These run on the store's writer thread (see store::submit); the
// shape check runs anywhere, before a posting is queued.
#include "ledger/error.hpp"
#include "ledger/journal.hpp"

namespace samaki::ledger {

class write_context;

// Limits on what one posting may hold.
inline constexpr std::size_t max_lines_per_entry = 500;
inline constexpr std::size_t max_memo_bytes = 1000;
inline constexpr std::size_t max_idempotency_key_bytes = 255;

// Checks that need no storage: date, at least two lines, amounts present and positive in form, sizes.
result<void> check_posting_shape(const posting& p);

// Validates against the group's chart, members, balances and closed periods, then appends the entry to
// the group's chain and updates running balances. With an idempotency key seen before: the same request
// gives back the first entry (replayed), another request is an idempotency_conflict.
result<posted> post_entry(write_context& ctx, const posting& p);

// A new entry with every line of the original mirrored, linked to it. An entry is reversed once.
result<posted> reverse_entry(write_context& ctx, const reversal& r);

}  // namespace samaki::ledger
