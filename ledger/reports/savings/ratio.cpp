#include "ledger/reports/savings/ratio.hpp"

#include "ledger/int128.hpp"

namespace samaki::ledger {

std::string ratio_text(int128 numerator, int128 denominator) {
  if (denominator == 0) return "0.0000";
  int128 n = numerator, d = denominator;
  const bool negative = (n < 0) != (d < 0);
  if (n < 0) n = -n;
  if (d < 0) d = -d;
  int128 scaled = (n * 10000 * 2 + d) / (d * 2);  // half up
  auto whole = static_cast<std::int64_t>(scaled / 10000);
  auto fraction = static_cast<std::int64_t>(scaled % 10000);
  std::string digits = std::to_string(fraction);
  return std::string(negative && scaled != 0 ? "-" : "") + std::to_string(whole) + "." +
         std::string(4 - digits.size(), '0') + digits;
}

}  // namespace samaki::ledger
