#include "ledger/date.hpp"

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace samaki::ledger {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day ymd_of(calendar_date d) {
  return year_month_day{sys_days{days{d.days_since_epoch()}}};
}

std::optional<year_month_day> read_ymd(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  auto number = [&](std::size_t from, std::size_t count) {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (year < 1900) return std::nullopt;
  year_month_day ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                     std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

calendar_date from_chrono(year_month_day ymd) {
  return calendar_date::from_days(static_cast<std::int32_t>(sys_days{ymd}.time_since_epoch().count()));
}

}  // namespace

std::optional<calendar_date> calendar_date::parse(std::string_view text) {
  auto ymd = read_ymd(text);
  if (!ymd) return std::nullopt;
  return from_chrono(*ymd);
}

result<calendar_date> calendar_date::parse_field(std::string_view text, std::string_view field) {
  if (auto d = parse(text)) return *d;
  return error(errc::invalid_date, std::string(field) + " must be a real date as YYYY-MM-DD",
               {{"field", std::string(field)}});
}

calendar_date calendar_date::from_ymd(int year, unsigned month, unsigned day) {
  year_month_day ymd{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (!ymd.ok() || year < 1900 || year > 9999) throw std::invalid_argument("not a calendar date");
  return from_chrono(ymd);
}

calendar_date calendar_date::today(int offset_minutes) {
  using namespace std::chrono;
  auto local = system_clock::now() + minutes(offset_minutes);
  return from_chrono(year_month_day{floor<days>(local)});
}

std::string calendar_date::to_string() const {
  auto ymd = ymd_of(*this);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

int calendar_date::year() const {
  return static_cast<int>(ymd_of(*this).year());
}
unsigned calendar_date::month() const {
  return static_cast<unsigned>(ymd_of(*this).month());
}
unsigned calendar_date::day() const {
  return static_cast<unsigned>(ymd_of(*this).day());
}

calendar_date calendar_date::plus_days(std::int32_t n) const {
  return calendar_date(days_ + n);
}

calendar_date calendar_date::plus_months(int months) const {
  auto ymd = ymd_of(*this);
  auto target = year_month_day{ymd.year(), ymd.month(), std::chrono::day(1)} + std::chrono::months(months);
  auto last = std::chrono::year_month_day_last{target.year(), std::chrono::month_day_last{target.month()}};
  auto day = std::min(static_cast<unsigned>(ymd.day()), static_cast<unsigned>(last.day()));
  return from_chrono(year_month_day{target.year(), target.month(), std::chrono::day(day)});
}

calendar_date calendar_date::last_day_of_month() const {
  auto ymd = ymd_of(*this);
  auto last = std::chrono::year_month_day_last{ymd.year(), std::chrono::month_day_last{ymd.month()}};
  return from_chrono(year_month_day{last});
}

bool is_valid_date(std::string_view text) {
  return read_ymd(text).has_value();
}

std::string today(int offset_minutes) {
  return calendar_date::today(offset_minutes).to_string();
}

std::string now_rfc3339() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto day = floor<std::chrono::days>(now);
  year_month_day ymd{day};
  hh_mm_ss time{floor<milliseconds>(now - day)};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
  return buffer;
}

}  // namespace samaki::ledger
