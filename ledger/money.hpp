#pragma once
// Money: int64 minor units with their currency. No floating point anywhere near money.
#include "ledger/error.hpp"

#include <compare>
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

// A currency we support, as a value: compares by identity, knows its exponent and cash unit. A
// default-constructed one is "none"; arithmetic with it fails as a currency mismatch.
class iso_currency {
 public:
  constexpr iso_currency() = default;
  static std::optional<iso_currency> find(std::string_view code);
  // The currency, or bad_request "unsupported currency" naming `field`.
  static result<iso_currency> parse(std::string_view code, std::string_view field = "currency");
  // For codes read back from our own database: an unknown one is a broken invariant (throws).
  static iso_currency of_stored(std::string_view code);

  std::string_view code() const { return info_ ? info_->code : std::string_view(); }
  int exponent() const;
  std::int64_t cash_unit() const;  // minor units
  const currency_info& info() const;
  bool valid() const { return info_ != nullptr; }
  friend bool operator==(iso_currency a, iso_currency b) { return a.info_ == b.info_; }

 private:
  constexpr explicit iso_currency(const currency_info* info) : info_(info) {}
  const currency_info* info_ = nullptr;
};

// An amount with its currency: int64 minor units, checked arithmetic, never mixed across currencies.
class money {
 public:
  money() = default;
  money(std::int64_t minor, iso_currency currency) : minor_(minor), currency_(currency) {}
  static money zero(iso_currency currency) { return money(0, currency); }
  // Decimal text in major units by the currency's exponent; invalid_amount naming the currency otherwise.
  static result<money> parse(std::string_view text, iso_currency currency);

  std::int64_t minor() const { return minor_; }
  iso_currency currency() const { return currency_; }
  std::string_view currency_code() const { return currency_.code(); }
  // The canonical decimal text ("12.50", "-300.00", "5000" for VND), without the currency.
  std::string amount_text() const;

  bool is_zero() const { return minor_ == 0; }
  bool is_positive() const { return minor_ > 0; }
  bool is_negative() const { return minor_ < 0; }

  friend bool operator==(const money&, const money&) = default;

 private:
  std::int64_t minor_ = 0;
  iso_currency currency_;
};

result<money> add(const money& a, const money& b);  // currency_mismatch or invalid_amount (overflow)
result<money> subtract(const money& a, const money& b);
// a + b and a - b where the caller knows they share a currency and fit (amounts checked on the way in, as
// in plans and reports); a broken expectation throws, as any broken invariant does.
money plus(const money& a, const money& b);
money minus(const money& a, const money& b);
// -a; invalid_amount for INT64_MIN, which has no negation.
result<money> negate(const money& a);
// a <=> b for two amounts of one currency; throws std::logic_error across currencies.
std::strong_ordering compare(const money& a, const money& b);

}  // namespace samaki::ledger
