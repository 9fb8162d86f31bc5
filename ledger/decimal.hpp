#pragma once
// Decimals that are not money: percentages (by-laws, interest) and quantities (kilograms, bags). Both are
// read by the strict decimal rules of amounts (no exponent, no '+', no more places than allowed) and kept as
// integers, so no floating point comes near what they multiply.
#include "ledger/money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samaki::ledger {

// A percentage from 0 to 100 with up to four decimals, kept in ten-thousandths: "2.5" is 25000.
struct percent {
  std::int64_t e4 = 0;

  static std::optional<percent> parse(std::string_view text);
  std::string text() const;  // "2.5", "0", "100"
  // amount × this percentage, rounded down (towards zero) to the minor unit (amount >= 0).
  money of(const money& amount) const;
  friend auto operator<=>(const percent&, const percent&) = default;
};

// A quantity weighed or counted, 0 or more with up to three decimals, kept in thousandths: "12.5" is 12500.
struct quantity {
  std::int64_t e3 = 0;

  static std::optional<quantity> parse(std::string_view text);
  std::string text() const;
};

// How much of the group's currency one unit of another buys ("4100" riel a dollar), up to four decimals,
// kept in ten-thousandths; more than zero.
struct exchange_rate {
  std::int64_t e4 = 0;

  static std::optional<exchange_rate> parse(std::string_view text);
  // The rate `base` ÷ `other` in major units, rounded half up to four decimals; nullopt when `other` is 0.
  static std::optional<exchange_rate> between(const money& base, const money& other);
  std::string text() const;
  // `other` in `base` at this rate, rounded half up to the minor unit; invalid_amount beyond 64 bits.
  result<money> convert(const money& other, iso_currency base) const;
};

// price × quantity, rounded half up to the minor unit; invalid_amount beyond 64-bit amounts.
result<money> price_times(const money& price, const quantity& q);

}  // namespace samaki::ledger
