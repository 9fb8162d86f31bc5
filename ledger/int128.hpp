#pragma once
// 128-bit integers for sums and products of money that may pass int64 on the way (GCC and Clang).

namespace samaki::ledger {

__extension__ typedef __int128 int128;

}  // namespace samaki::ledger
