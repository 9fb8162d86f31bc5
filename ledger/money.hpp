#pragma once
// Money: int64 minor units with their currency. No floating point anywhere near money.
#include "ledger/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samaki::ledger {

// An ISO 4217 currency we support, with its exponent and default cash rounding unit.
struct currency_info {
  std::string_view code;   // "KHR"
  int exponent;            // minor digits: KHR 2, USD 2, THB 2, VND 0
  std::int64_t cash_unit;  // smallest cash step in minor units (KHR: 100 riel = 10000 minor)
};

// The currency for an ISO code, or nullopt when we do not support it.
std::optional<currency_info> find_currency(std::string_view code);

// A decimal string in major units ("5000", "12.50", "-300") to minor units by the currency's exponent.
// Rejects: empty, '+', spaces, exponents, a lone '-', leading/trailing '.', more fraction digits than the
// exponent allows (never rounds), any character but digits/one '.'/one leading '-', and int64 overflow.
result<std::int64_t> parse_amount(std::string_view text, const currency_info& currency);

// Minor units back to the canonical decimal string: all the currency's fraction digits ("12.50", "-3.00",
// "5000" for VND). parse_amount(format_amount(x)) == x for every int64 x.
std::string format_amount(std::int64_t minor, const currency_info& currency);

// Checked arithmetic: nullopt on overflow.
std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> checked_sub(std::int64_t a, std::int64_t b);

// A value with its currency. Arithmetic across currencies is refused.
struct money {
  std::int64_t minor = 0;
  std::string currency;  // ISO code

  friend bool operator==(const money&, const money&) = default;
};

result<money> add(const money& a, const money& b);  // currency_mismatch or invalid_amount (overflow)
result<money> subtract(const money& a, const money& b);

}  // namespace samaki::ledger
