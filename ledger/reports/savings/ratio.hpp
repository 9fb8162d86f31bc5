#pragma once
// Ratios as reports give them: a decimal string with four places, rounded half up ("0.1250"); "0.0000" when
// there is nothing to divide by.
#include "ledger/int128.hpp"

#include <string>

namespace samaki::ledger {

std::string ratio_text(int128 numerator, int128 denominator);

}  // namespace samaki::ledger
