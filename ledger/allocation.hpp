#pragma once
// Splitting a whole number of units by weights with the largest-remainder rule (product.md):
// each gets floor(T*w/W); the units left go one each to the largest remainders (T*w) mod W,
// ties to the lower id. Exact, 128-bit, and independent of the order of the input.
#include <cstdint>
#include <vector>

namespace samaki::ledger {

struct weighted {
  std::int64_t id;      // tie-break key (a member id)
  std::int64_t weight;  // >= 0
};

struct allocation {
  std::int64_t id;
  std::int64_t units;
};

struct allocation_result {
  std::vector<allocation> shares;  // sorted by id, one per input
  std::int64_t residual = 0;       // total - sum(units): 0 unless every weight is 0
};

// Allocate `total` (>= 0) units. With total weight 0 everybody gets 0 and the residual is `total`.
// Throws std::invalid_argument for a negative total or weight, or duplicate ids.
allocation_result allocate_largest_remainder(std::int64_t total, std::vector<weighted> weights);

// Share-out of a fund F (minor units) in cash units U: T = floor(F/U) units allocated by weight, payout =
// units*U, residual = F - sum(payout). F < 0 or U <= 0 gives everyone 0 and residual F.
struct payout_result {
  std::vector<allocation> payouts;  // `units` here holds the payout in minor units
  std::int64_t residual = 0;
};
payout_result share_out(std::int64_t fund, std::int64_t cash_unit, std::vector<weighted> weights);

}  // namespace samaki::ledger
