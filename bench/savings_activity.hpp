#pragma once
// Realistic savings-group activity written through the ledger's own operations (never raw rows), for the
// benchmarks and the scale generator: a group with members, cycles of weekly meetings where everyone buys
// shares and pays the social fund, borrowers repay what falls due, a few members borrow within the rules,
// now and then a fine, and a share-out at the end of each cycle. Deterministic for a seed.
#include "ledger/date.hpp"
#include "ledger/ids.hpp"
#include "ledger/store/store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace samaki::bench {

struct savings_plan {
  std::string name = "Bench savings group";
  int members = 30;
  ledger::calendar_date start;  // the first meeting
  int meetings = 52;            // in all
  int meetings_per_cycle = 52;  // a share-out after each
  std::uint64_t seed = 1;
};

struct savings_group_made {
  ledger::group_id group;
  std::vector<ledger::member_id> members;
  int meetings = 0;
  int operations = 0;
  ledger::calendar_date last_meeting;
};

// Creates the group and records its history; throws std::runtime_error when an operation is refused.
savings_group_made make_savings_group(ledger::store& store, const savings_plan& plan);

// The request of one more meeting of the group on `day`, as the generator would record it (shares and social
// fund for all, repayments of what is due, one new loan where the rules allow), recorded now. Returns the
// operation's id.
ledger::operation_id record_meeting(ledger::store& store, const savings_group_made& group,
                                    ledger::calendar_date day, std::uint64_t seed,
                                    const std::string& idempotency_key = "");

}  // namespace samaki::bench
