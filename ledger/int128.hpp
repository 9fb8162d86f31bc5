#pragma once
// 128-bit integers for sums and products of money that may pass int64 on the way (GCC and Clang).
#include "ledger/error.hpp"

#include <cstdint>
#include <limits>

namespace samaki::ledger {

__extension__ typedef __int128 int128;

// A 128-bit sum back to int64, or invalid_amount thrown. INT64_MIN is refused too, so every narrowed
// value can be negated (shown in the other natural sign).
inline std::int64_t narrow(int128 value) {
  if (value > std::numeric_limits<std::int64_t>::max() || value <= std::numeric_limits<std::int64_t>::min())
    throw error_exception(error(errc::invalid_amount, "a total is beyond the range of 64-bit amounts"));
  return static_cast<std::int64_t>(value);
}

}  // namespace samaki::ledger
