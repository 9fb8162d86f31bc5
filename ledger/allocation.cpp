#include "ledger/allocation.hpp"

#include "ledger/int128.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace samaki::ledger {

namespace {

// Sorts by id (so the result never depends on input order) and refuses negative weights and duplicate ids.
void sort_and_check(std::vector<weighted>& weights) {
  std::sort(weights.begin(), weights.end(), [](const weighted& a, const weighted& b) { return a.id < b.id; });
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i].weight < 0) {
      throw std::invalid_argument("allocation: negative weight for id " + std::to_string(weights[i].id));
    }
    if (i > 0 && weights[i].id == weights[i - 1].id) {
      throw std::invalid_argument("allocation: duplicate id " + std::to_string(weights[i].id));
    }
  }
}

std::vector<allocation> zeros(const std::vector<weighted>& sorted) {
  std::vector<allocation> out;
  out.reserve(sorted.size());
  for (const auto& w : sorted) out.push_back({w.id, 0});
  return out;
}

// Largest remainder over weights already sorted by id and checked.
allocation_result allocate_sorted(std::int64_t total, const std::vector<weighted>& sorted) {
  // Each weight < 2^63, so the sum fits in 128 bits for any vector that fits in memory.
  int128 weight_sum = 0;
  for (const auto& w : sorted) weight_sum += w.weight;
  if (weight_sum == 0) return {zeros(sorted), total};

  struct part {
    std::size_t index;
    int128 remainder;
  };
  allocation_result out{zeros(sorted), 0};
  std::vector<part> parts;
  parts.reserve(sorted.size());
  std::int64_t given = 0;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    // total, weight < 2^63 so the product < 2^126; the quotient is <= total, so it fits in int64.
    const int128 product = static_cast<int128>(total) * sorted[i].weight;
    const auto units = static_cast<std::int64_t>(product / weight_sum);
    out.shares[i].units = units;
    given += units;  // sum of floors <= total: cannot overflow
    parts.push_back({i, product % weight_sum});
  }

  // Fewer units are left than there are members (the remainders sum to less than n * W).
  const auto left = static_cast<std::size_t>(total - given);
  // `parts` is in id order, so a stable sort by remainder alone breaks ties to the lower id.
  std::stable_sort(parts.begin(), parts.end(),
                   [](const part& a, const part& b) { return a.remainder > b.remainder; });
  for (std::size_t k = 0; k < left; ++k) ++out.shares[parts[k].index].units;
  return out;
}

}  // namespace

allocation_result allocate_largest_remainder(std::int64_t total, std::vector<weighted> weights) {
  if (total < 0) throw std::invalid_argument("allocation: negative total " + std::to_string(total));
  sort_and_check(weights);
  return allocate_sorted(total, weights);
}

payout_result share_out(std::int64_t fund, std::int64_t cash_unit, std::vector<weighted> weights) {
  sort_and_check(weights);
  payout_result out;
  if (fund < 0 || cash_unit <= 0) {
    out.payouts = zeros(weights);
    out.residual = fund;
    return out;
  }
  const std::int64_t units_total = fund / cash_unit;  // floor: both non-negative
  const auto shared = allocate_sorted(units_total, weights);
  out.payouts.reserve(shared.shares.size());
  std::int64_t paid = 0;
  for (const auto& s : shared.shares) {
    // units <= fund / cash_unit, so units * cash_unit <= fund: no overflow.
    const std::int64_t payout = s.units * cash_unit;
    out.payouts.push_back({s.id, payout});
    paid += payout;
  }
  out.residual = fund - paid;
  return out;
}

}  // namespace samaki::ledger
