#include "ledger/decimal.hpp"

#include "ledger/int128.hpp"

#include <limits>

namespace samaki::ledger {
namespace {

// Decimal text with `places` decimals, through the same strict reader as amounts.
const currency_info four_places{"percent", 4, 1};
const currency_info three_places{"quantity", 3, 1};

std::string trimmed(std::string text) {
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::optional<percent> percent::parse(std::string_view text) {
  auto value = parse_amount(text, four_places);
  if (!value || *value < 0 || *value > 100 * 10000) return std::nullopt;
  return percent{*value};
}

std::string percent::text() const {
  return trimmed(format_amount(e4, four_places));
}

money percent::of(const money& amount) const {
  // amount × e4 / (100 × 10000): at most the amount itself, so it fits.
  int128 product = int128(amount.minor()) * e4;
  return money(static_cast<std::int64_t>(product / 1000000), amount.currency());
}

std::optional<quantity> quantity::parse(std::string_view text) {
  auto value = parse_amount(text, three_places);
  if (!value || *value < 0) return std::nullopt;
  return quantity{*value};
}

std::string quantity::text() const {
  return trimmed(format_amount(e3, three_places));
}

std::optional<exchange_rate> exchange_rate::parse(std::string_view text) {
  auto value = parse_amount(text, four_places);
  if (!value || *value <= 0) return std::nullopt;
  return exchange_rate{*value};
}

namespace {

int128 power_of_ten(int exponent) {
  int128 out = 1;
  for (int i = 0; i < exponent; ++i) out *= 10;
  return out;
}

// n / d rounded half up, for n >= 0 and d > 0.
int128 divided_half_up(int128 n, int128 d) {
  return (n + d / 2) / d;
}

}  // namespace

std::optional<exchange_rate> exchange_rate::between(const money& base, const money& other) {
  if (other.minor() <= 0 || base.minor() <= 0) return std::nullopt;
  // (base / 10^eb) / (other / 10^eo) × 10^4 = base × 10^(eo + 4) / (other × 10^eb)
  auto n = int128(base.minor()) * power_of_ten(other.currency().exponent() + 4);
  auto d = int128(other.minor()) * power_of_ten(base.currency().exponent());
  auto rate = divided_half_up(n, d);
  if (rate <= 0 || rate > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
  return exchange_rate{static_cast<std::int64_t>(rate)};
}

std::string exchange_rate::text() const {
  return trimmed(format_amount(e4, four_places));
}

result<money> exchange_rate::convert(const money& other, iso_currency base) const {
  // other / 10^eo × e4 / 10^4 × 10^eb minor units of the base.
  auto n = int128(other.minor()) * e4 * power_of_ten(base.exponent());
  auto d = power_of_ten(other.currency().exponent() + 4);
  auto converted = n >= 0 ? divided_half_up(n, d) : -divided_half_up(-n, d);
  if (converted > std::numeric_limits<std::int64_t>::max() ||
      converted < -std::numeric_limits<std::int64_t>::max())
    return error(errc::invalid_amount, "the converted amount is beyond the range of amounts");
  return money(static_cast<std::int64_t>(converted), base);
}

result<money> price_times(const money& price, const quantity& q) {
  int128 product = int128(price.minor()) * q.e3;
  int128 rounded = (product + (product >= 0 ? 500 : -500)) / 1000;
  if (rounded > std::numeric_limits<std::int64_t>::max() ||
      rounded < -std::numeric_limits<std::int64_t>::max())
    return error(errc::invalid_amount, "price times quantity is beyond the range of amounts");
  return money(static_cast<std::int64_t>(rounded), price.currency());
}

}  // namespace samaki::ledger
