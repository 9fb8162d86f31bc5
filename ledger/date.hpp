#pragma once
// Value dates and timestamps. A calendar_date is a day of the proleptic Gregorian calendar, years 1900 to
// 9999, written YYYY-MM-DD at every edge (API, SQLite, the hash chain); inside it is a day count, so dates
// compare, add and subtract as numbers and never as text.
#include "ledger/error.hpp"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samaki::ledger {

class calendar_date {
 public:
  // 1970-01-01; a placeholder for structs that are filled in later.
  constexpr calendar_date() = default;

  // Exactly YYYY-MM-DD naming a real day, 1900-01-01 to 9999-12-31; nothing else.
  static std::optional<calendar_date> parse(std::string_view text);
  // The same, or invalid_date naming `field` ("date", "through", ...).
  static result<calendar_date> parse_field(std::string_view text, std::string_view field);
  // A real day; throws std::invalid_argument otherwise (a broken invariant in the caller).
  static calendar_date from_ymd(int year, unsigned month, unsigned day);
  static constexpr calendar_date from_days(std::int32_t days_since_epoch) {
    return calendar_date(days_since_epoch);
  }
  // Today where the group lives: UTC shifted by `offset_minutes` (Cambodia is +420).
  static calendar_date today(int offset_minutes);

  std::string to_string() const;  // YYYY-MM-DD
  int year() const;
  unsigned month() const;
  unsigned day() const;
  constexpr std::int32_t days_since_epoch() const { return days_; }

  calendar_date plus_days(std::int32_t days) const;
  // The same day of the month `months` later, or that month's last day when it is shorter
  // (31 Jan + 1 month = 28 or 29 Feb): loan instalments fall due this way.
  calendar_date plus_months(int months) const;
  calendar_date last_day_of_month() const;

  friend constexpr auto operator<=>(calendar_date, calendar_date) = default;

 private:
  constexpr explicit calendar_date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

// b - a in days (negative when b is earlier).
constexpr std::int32_t days_between(calendar_date a, calendar_date b) {
  return b.days_since_epoch() - a.days_since_epoch();
}

// A real calendar date written exactly as YYYY-MM-DD, years 1900 to 9999.
bool is_valid_date(std::string_view text);

// Today's date at UTC plus `offset_minutes`, as YYYY-MM-DD.
std::string today(int offset_minutes);

// Now as RFC 3339 UTC with milliseconds, e.g. 2026-11-28T09:15:02.123Z.
std::string now_rfc3339();

}  // namespace samaki::ledger
