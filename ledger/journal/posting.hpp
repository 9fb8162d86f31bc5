#pragma once
// Posting raw entries and reversing entries: the journal API. These run on the store's writer thread
// (see store::submit); check_posting_shape runs anywhere, before a posting is queued.
#include "ledger/error.hpp"
#include "ledger/journal/journal.hpp"
#include "ledger/journal/posting_rules.hpp"

namespace samaki::ledger {

class write_context;

// Checks that need no storage: at least two lines, amounts present and positive in form, sizes.
result<void> check_posting_shape(const posting& p);

// Reads each line's amount by its account's currency, checks the entry against the books (posting_rules),
// its `expect` balances, and appends it. With an idempotency key seen before: the same request gives back
// the first entry (replayed), another request is an idempotency_conflict.
result<posted> post_entry(write_context& ctx, const posting& p);

// A new entry with every line of the original mirrored, linked to it. An entry is reversed once; a
// reversal is not itself reversed (post the entry again instead), nor dated before what it reverses, and
// an entry an operation made is reversed with its operation.
result<posted> reverse_entry(write_context& ctx, const reversal& r);

// The mirror of a stored entry, dated `date`: what both entry and operation reversals post.
draft_entry mirror_of(const entry& original, calendar_date date, std::string memo);

// The checks a reversal of `original` dated `date` must pass (state and date rules).
result<void> check_reversible(const entry& original, calendar_date date);

}  // namespace samaki::ledger
