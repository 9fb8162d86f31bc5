#include "ledger/allocation.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

using namespace samaki::ledger;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

std::vector<std::int64_t> ids_of(const std::vector<allocation>& shares) {
  std::vector<std::int64_t> out;
  for (const auto& s : shares) out.push_back(s.id);
  return out;
}

std::vector<std::int64_t> units_of(const std::vector<allocation>& shares) {
  std::vector<std::int64_t> out;
  for (const auto& s : shares) out.push_back(s.units);
  return out;
}

bool same(const std::vector<allocation>& a, const std::vector<allocation>& b) {
  return ids_of(a) == ids_of(b) && units_of(a) == units_of(b);
}

std::int64_t sum_units(const std::vector<allocation>& shares) {
  std::int64_t s = 0;
  for (const auto& a : shares) s += a.units;
  return s;
}

std::vector<weighted> random_weights(std::mt19937_64& rng, std::size_t n, std::int64_t max_weight) {
  std::uniform_int_distribution<std::int64_t> weight(0, max_weight);
  std::uniform_int_distribution<std::int64_t> id_step(1, 5);
  std::vector<weighted> out;
  std::int64_t id = 0;
  for (std::size_t i = 0; i < n; ++i) {
    id += id_step(rng);
    out.push_back({id, weight(rng)});
  }
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

}  // namespace

// Worked example 1, a savings group share-out in riel (KHR minor units, U = 100 riel = 10000 minor).
//   Share value 5,000 riel; member 1 holds 10 shares, member 2 holds 7, member 3 holds 3, so
//   w = 5,000,000 / 3,500,000 / 1,500,000 minor and W = 10,000,000.
//   F = 1,234,567 riel = 123,456,700 minor; T = floor(123,456,700 / 10,000) = 12,345 units.
//   T*w/W: member 1: 6,172.5  -> 6,172, remainder (T*w) mod W = 5,000,000
//          member 2: 4,320.75 -> 4,320, remainder 7,500,000
//          member 3: 1,851.75 -> 1,851, remainder 7,500,000
//   Floors sum to 12,343; 2 units are left and go to the two largest remainders: members 2 and 3.
//   Units 6,172 / 4,321 / 1,852 (sum 12,345); payouts 617,200 / 432,100 / 185,200 riel
//   = 61,720,000 / 43,210,000 / 18,520,000 minor; residual 1,234,567 - 1,234,500 = 67 riel = 6,700 minor.
TEST_CASE("worked share-out: 1,234,567 riel over 10/7/3 shares", "[allocation]") {
  const std::vector<weighted> weights{{3, 1500000}, {1, 5000000}, {2, 3500000}};

  const auto units = allocate_largest_remainder(12345, weights);
  CHECK(ids_of(units.shares) == std::vector<std::int64_t>{1, 2, 3});
  CHECK(units_of(units.shares) == std::vector<std::int64_t>{6172, 4321, 1852});
  CHECK(units.residual == 0);

  const auto paid = share_out(123456700, 10000, weights);
  CHECK(ids_of(paid.payouts) == std::vector<std::int64_t>{1, 2, 3});
  CHECK(units_of(paid.payouts) == std::vector<std::int64_t>{61720000, 43210000, 18520000});
  CHECK(paid.residual == 6700);
}

// Worked example 2, a tie decided by member id.
//   Three members with equal savings, 20,000 riel each (w = 2,000,000 minor, W = 6,000,000).
//   F = 10,050 riel = 1,005,000 minor, U = 10,000 minor: T = 100 units, 5,000 minor left over at once.
//   Each gets floor(100/3) = 33 units with the same remainder (100*w) mod W = 2,000,000; the one unit left
//   goes to the lowest id, 7. Units 34 / 33 / 33 for ids 7 / 19 / 42; payouts 340,000 / 330,000 / 330,000
//   minor (3,400 / 3,300 / 3,300 riel); residual 1,005,000 - 1,000,000 = 5,000 minor (50 riel).
TEST_CASE("worked share-out: an equal three-way split goes to the lowest id", "[allocation]") {
  const std::vector<weighted> weights{{42, 2000000}, {7, 2000000}, {19, 2000000}};

  const auto paid = share_out(1005000, 10000, weights);
  CHECK(ids_of(paid.payouts) == std::vector<std::int64_t>{7, 19, 42});
  CHECK(units_of(paid.payouts) == std::vector<std::int64_t>{340000, 330000, 330000});
  CHECK(paid.residual == 5000);
}

// Worked example 3, products far beyond 64 bits.
//   T = 10^18, weights 10^18 / 2*10^18 / 4*10^18 (ids 1 / 2 / 3), W = 7*10^18; T*w reaches 4*10^36.
//   T*w/W = 10^18 * {1,2,4} / 7. 10^6 = 1 (mod 7), so 10^18 = 1 (mod 7) and floor(10^18/7) =
//   142,857,142,857,142,857 with 10^18 - 7*that = 1. Hence:
//     id 1: 142,857,142,857,142,857  remainder 10^18 * 1 = 1*10^18
//     id 2: 285,714,285,714,285,714  remainder 10^18 * 2 = 2*10^18
//     id 3: 571,428,571,428,571,428  remainder 10^18 * 4 = 4*10^18
//   Floors sum to 999,999,999,999,999,999; the one unit left goes to id 3 (largest remainder).
TEST_CASE("worked allocation: products beyond 64 bits", "[allocation]") {
  constexpr std::int64_t e18 = 1000000000000000000;
  const auto r = allocate_largest_remainder(e18, {{2, 2 * e18}, {3, 4 * e18}, {1, e18}});
  CHECK(units_of(r.shares) ==
        std::vector<std::int64_t>{142857142857142857, 285714285714285714, 571428571428571429});
  CHECK(sum_units(r.shares) == e18);
  CHECK(r.residual == 0);
}

TEST_CASE("allocation at the int64 limits", "[allocation]") {
  SECTION("two maximal weights of a maximal total: halves, tie to the lower id") {
    // T*w = (2^63-1)^2, W = 2*(2^63-1): each gets floor((2^63-1)/2) = 2^62-1 with remainder 2^63-1.
    const auto r = allocate_largest_remainder(int64_max, {{9, int64_max}, {4, int64_max}});
    CHECK(ids_of(r.shares) == std::vector<std::int64_t>{4, 9});
    CHECK(units_of(r.shares) == std::vector<std::int64_t>{4611686018427387904, 4611686018427387903});
    CHECK(r.residual == 0);
  }
  SECTION("the sum of weights exceeds int64") {
    const auto r = allocate_largest_remainder(
        int64_max, {{1, int64_max}, {2, int64_max}, {3, int64_max}, {4, int64_max}, {5, int64_max}});
    CHECK(sum_units(r.shares) == int64_max);
    // (2^63-1)/5 = 1844674407370955161.4: floors 1844674407370955161, 2 left over, to ids 1 and 2.
    CHECK(units_of(r.shares) == std::vector<std::int64_t>{1844674407370955162, 1844674407370955162,
                                                          1844674407370955161, 1844674407370955161,
                                                          1844674407370955161});
  }
  SECTION("one tiny weight beside a huge one") {
    const auto r = allocate_largest_remainder(int64_max, {{1, 1}, {2, int64_max}});
    // W = 2^63: id 1 gets floor((2^63-1)/2^63) = 0 with remainder 2^63-1; id 2 gets 2^63-2 with remainder 1.
    // One unit is left and goes to id 1.
    CHECK(units_of(r.shares) == std::vector<std::int64_t>{1, int64_max - 1});
  }
  SECTION("share_out of the largest fund") {
    const auto paid = share_out(int64_max, 10000, {{1, int64_max}, {2, 1}, {3, int64_max / 3}});
    CHECK(sum_units(paid.payouts) + paid.residual == int64_max);
    CHECK(paid.residual == int64_max % 10000);
    for (const auto& p : paid.payouts) CHECK(p.units % 10000 == 0);
  }
}

TEST_CASE("allocation degenerate inputs", "[allocation]") {
  SECTION("all weights zero: everybody 0, the whole total is residual") {
    const auto r = allocate_largest_remainder(1000, {{3, 0}, {1, 0}, {2, 0}});
    CHECK(ids_of(r.shares) == std::vector<std::int64_t>{1, 2, 3});
    CHECK(units_of(r.shares) == std::vector<std::int64_t>{0, 0, 0});
    CHECK(r.residual == 1000);

    const auto paid = share_out(1234567, 10000, {{3, 0}, {1, 0}});
    CHECK(units_of(paid.payouts) == std::vector<std::int64_t>{0, 0});
    CHECK(paid.residual == 1234567);
  }
  SECTION("no members") {
    const auto r = allocate_largest_remainder(1000, {});
    CHECK(r.shares.empty());
    CHECK(r.residual == 1000);
    const auto paid = share_out(50000, 10000, {});
    CHECK(paid.payouts.empty());
    CHECK(paid.residual == 50000);
  }
  SECTION("zero total") {
    const auto r = allocate_largest_remainder(0, {{1, 5}, {2, 7}});
    CHECK(units_of(r.shares) == std::vector<std::int64_t>{0, 0});
    CHECK(r.residual == 0);
  }
  SECTION("a zero weight among others gets nothing, even with units to spare") {
    const auto r = allocate_largest_remainder(10, {{1, 0}, {2, 1}, {3, 1}, {4, 1}});
    CHECK(units_of(r.shares) == std::vector<std::int64_t>{0, 4, 3, 3});
  }
  SECTION("a single member takes everything") {
    const auto r = allocate_largest_remainder(12345, {{8, 3}});
    CHECK(units_of(r.shares) == std::vector<std::int64_t>{12345});
  }
  SECTION("share_out: fund smaller than one cash unit") {
    const auto paid = share_out(9999, 10000, {{1, 5}, {2, 5}});
    CHECK(units_of(paid.payouts) == std::vector<std::int64_t>{0, 0});
    CHECK(paid.residual == 9999);
  }
  SECTION("share_out: negative fund or non-positive cash unit pays nobody") {
    for (auto [fund, unit] : {std::pair<std::int64_t, std::int64_t>{-50000, 10000},
                              {50000, 0},
                              {50000, -100},
                              {std::numeric_limits<std::int64_t>::min(), 1}}) {
      const auto paid = share_out(fund, unit, {{2, 5}, {1, 5}});
      CHECK(ids_of(paid.payouts) == std::vector<std::int64_t>{1, 2});
      CHECK(units_of(paid.payouts) == std::vector<std::int64_t>{0, 0});
      CHECK(paid.residual == fund);
    }
  }
}

TEST_CASE("allocation refuses bad input", "[allocation]") {
  CHECK_THROWS_AS(allocate_largest_remainder(-1, {{1, 1}}), std::invalid_argument);
  CHECK_THROWS_AS(allocate_largest_remainder(10, {{1, 1}, {2, -1}}), std::invalid_argument);
  CHECK_THROWS_AS(allocate_largest_remainder(10, {{1, 1}, {2, 1}, {1, 3}}), std::invalid_argument);
  CHECK_THROWS_AS(share_out(100, 10, {{1, -5}}), std::invalid_argument);
  CHECK_THROWS_AS(share_out(100, 10, {{4, 1}, {4, 1}}), std::invalid_argument);
  // Bad members are refused even when nobody would be paid.
  CHECK_THROWS_AS(share_out(-100, 10, {{4, 1}, {4, 1}}), std::invalid_argument);
}

TEST_CASE("ties go to the lower id", "[allocation]") {
  // Four equal weights, 6 units: 1 each, 2 left over with equal remainders: ids -3 and 2 (the lowest).
  const auto r = allocate_largest_remainder(6, {{10, 1}, {2, 1}, {-3, 1}, {5, 1}});
  CHECK(ids_of(r.shares) == std::vector<std::int64_t>{-3, 2, 5, 10});
  CHECK(units_of(r.shares) == std::vector<std::int64_t>{2, 2, 1, 1});

  // A larger remainder beats a lower id: weights 1 and 2 of 1 unit: remainders 1 and 2 (W = 3).
  const auto s = allocate_largest_remainder(1, {{1, 1}, {2, 2}});
  CHECK(units_of(s.shares) == std::vector<std::int64_t>{0, 1});
}

TEST_CASE("allocation preserves the total and satisfies the largest-remainder rule", "[allocation]") {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::size_t> size(1, 30);
  std::uniform_int_distribution<std::int64_t> total_dist(0, 1000);
  for (int round = 0; round < 3000; ++round) {
    // Small weights so the check below can use plain int64 without sharing code with the implementation.
    const auto weights = random_weights(rng, size(rng), round % 3 == 0 ? 3 : 1000);
    const std::int64_t total = total_dist(rng);
    const auto r = allocate_largest_remainder(total, weights);

    REQUIRE(r.shares.size() == weights.size());
    CHECK(sum_units(r.shares) + r.residual == total);
    CHECK(std::is_sorted(r.shares.begin(), r.shares.end(),
                         [](const allocation& a, const allocation& b) { return a.id < b.id; }));

    std::int64_t w_sum = 0;
    for (const auto& w : weights) w_sum += w.weight;
    if (w_sum == 0) {
      CHECK(r.residual == total);
      continue;
    }
    CHECK(r.residual == 0);

    // Each share is its floor or one more, and nobody passed over has a larger remainder (or an equal
    // one with a lower id) than somebody who got the extra unit.
    struct seen {
      std::int64_t id, remainder;
      bool extra;
    };
    std::vector<seen> all;
    for (const auto& s : r.shares) {
      const auto w = std::find_if(weights.begin(), weights.end(), [&](auto& x) { return x.id == s.id; });
      REQUIRE(w != weights.end());
      const std::int64_t floor_units = total * w->weight / w_sum;
      REQUIRE((s.units == floor_units || s.units == floor_units + 1));
      all.push_back({s.id, total * w->weight % w_sum, s.units == floor_units + 1});
    }
    for (const auto& got : all) {
      if (!got.extra) continue;
      for (const auto& missed : all) {
        if (missed.extra) continue;
        INFO("round " << round << ": id " << got.id << " got the extra unit over id " << missed.id);
        CHECK(
            (got.remainder > missed.remainder || (got.remainder == missed.remainder && got.id < missed.id)));
      }
    }
  }
}

TEST_CASE("allocation does not depend on the order of the input", "[allocation]") {
  std::mt19937_64 rng(2024);
  std::uniform_int_distribution<std::int64_t> big(0, int64_max);
  for (int trial = 0; trial < 40; ++trial) {
    // Alternate small weights (many ties) with huge ones (128-bit products).
    const bool huge = trial % 2 == 1;
    auto weights = random_weights(rng, 25, huge ? int64_max : 4);
    const std::int64_t total = huge ? big(rng) : 1000 + trial;
    const auto reference = allocate_largest_remainder(total, weights);
    const auto reference_paid = share_out(total, 10000, weights);
    CHECK(sum_units(reference.shares) + reference.residual == total);
    CHECK(sum_units(reference_paid.payouts) + reference_paid.residual == total);
    for (int shuffle = 0; shuffle < 100; ++shuffle) {
      std::shuffle(weights.begin(), weights.end(), rng);
      const auto again = allocate_largest_remainder(total, weights);
      REQUIRE(same(again.shares, reference.shares));
      REQUIRE(again.residual == reference.residual);
      const auto paid = share_out(total, 10000, weights);
      REQUIRE(same(paid.payouts, reference_paid.payouts));
      REQUIRE(paid.residual == reference_paid.residual);
    }
  }
}

TEST_CASE("share_out pays whole cash units and keeps less than one unit back", "[allocation]") {
  std::mt19937_64 rng(99);
  std::uniform_int_distribution<std::int64_t> fund_dist(0, 5000000000);
  std::uniform_int_distribution<int> unit_pick(0, 3);
  const std::int64_t units[] = {1, 100, 1000, 10000};
  for (int round = 0; round < 2000; ++round) {
    const auto weights = random_weights(rng, 12, 100000000);
    const std::int64_t fund = fund_dist(rng);
    const std::int64_t unit = units[unit_pick(rng)];
    const auto paid = share_out(fund, unit, weights);
    CHECK(sum_units(paid.payouts) + paid.residual == fund);
    for (const auto& p : paid.payouts) CHECK(p.units % unit == 0);
    bool any_weight = false;
    for (const auto& w : weights) any_weight |= w.weight > 0;
    if (any_weight) CHECK(paid.residual == fund % unit);
  }
}
