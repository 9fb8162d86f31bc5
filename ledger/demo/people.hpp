#pragma once
// Villagers for the demonstration groups: common Khmer family and given names, in Khmer script and
// romanised, family name first in both (khmer.md). Drawn by a fixed-seed generator, so every run names the
// same people. (The Khmer spellings are common ones; a native reader should check them, as the seal words.)
#include "ledger/demo/book.hpp"

#include <cstdint>
#include <random>
#include <vector>

namespace samaki::ledger::demo {

// A deterministic source of small choices: std::mt19937's sequence is fixed by the standard, and only its
// raw output is used (the standard distributions differ between libraries).
class dice {
 public:
  explicit dice(std::uint32_t seed) : engine_(seed) {}
  // 0 to n - 1.
  int below(int n) { return static_cast<int>(engine_() % static_cast<std::uint32_t>(n)); }
  // true `percent` times in a hundred.
  bool chance(int percent) { return below(100) < percent; }
  // from to to, both included.
  int between(int from, int to) { return from + below(to - from + 1); }

 private:
  std::mt19937 engine_;
};

// `count` different people; `women_percent` of them women. The same seed gives the same people.
std::vector<person> villagers(int count, int women_percent, std::uint32_t seed);

}  // namespace samaki::ledger::demo
