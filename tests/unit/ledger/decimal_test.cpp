// Percentages, quantities and exchange rates (ledger/decimal.hpp): strict decimal text, integer arithmetic,
// the stated rounding.
#include "ledger/decimal.hpp"

#include <catch2/catch.hpp>

using namespace samaki::ledger;

TEST_CASE("percentages: 0 to 100 with four places, a share rounded down", "[decimal]") {
  CHECK(percent::parse("2.5")->e4 == 25000);
  CHECK(percent::parse("100")->text() == "100");
  CHECK(percent::parse("7.50")->text() == "7.5");
  CHECK_FALSE(percent::parse("100.01"));
  CHECK_FALSE(percent::parse("-1"));
  CHECK_FALSE(percent::parse("1e2"));
  CHECK_FALSE(percent::parse("0.00001"));
  const auto khr = *iso_currency::find("KHR");
  // 33.3333 % of 1.00 riel (100 minor units) = 33.3333 -> 33.
  CHECK(percent::parse("33.3333")->of(money(100, khr)) == money(33, khr));
  CHECK(percent::parse("100")->of(money(12345, khr)) == money(12345, khr));
}

TEST_CASE("quantities: three places; price times quantity rounds half up", "[decimal]") {
  CHECK(quantity::parse("12.5")->e3 == 12500);
  CHECK(quantity::parse("1250")->text() == "1250");
  CHECK_FALSE(quantity::parse("1.2345"));
  CHECK_FALSE(quantity::parse("-3"));
  const auto khr = *iso_currency::find("KHR");
  // 1,250.5 kg at 1,234.56 riel = 1,543,817.28 riel exactly; 0.333 kg at 0.05 riel = 0.01665 -> 0.02.
  CHECK(price_times(money(123456, khr), *quantity::parse("1250.5")).value() == money(154381728, khr));
  CHECK(price_times(money(5, khr), *quantity::parse("0.333")).value() == money(2, khr));
  CHECK_FALSE(price_times(money(INT64_MAX / 2, khr), *quantity::parse("3")).has_value());
}

TEST_CASE("exchange rates: the group's currency per unit of the other", "[decimal][exchange]") {
  const auto khr = *iso_currency::find("KHR");
  const auto usd = *iso_currency::find("USD");
  auto rate = exchange_rate::between(money(41000000, khr), money(10000, usd));  // 410,000 riel for $100
  REQUIRE(rate);
  CHECK(rate->text() == "4100");
  CHECK(rate->convert(money(250, usd), khr).value() == money(1025000, khr));  // $2.50 = 10,250 riel
  CHECK(exchange_rate::parse("4092.5")->convert(money(1, usd), khr).value() ==
        money(4093, khr));  // 40.925 -> 40.93
  CHECK_FALSE(exchange_rate::parse("0"));
  CHECK_FALSE(exchange_rate::between(money(100, khr), money(0, usd)));
}
