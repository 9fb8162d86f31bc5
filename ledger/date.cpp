#include "ledger/date.hpp"

#include <chrono>
#include <cstdio>

namespace samaki::ledger {

bool is_valid_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (text[i] < '0' || text[i] > '9') return false;
  auto number = [&](std::size_t from, std::size_t count) {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (year < 1900) return false;
  using namespace std::chrono;
  return year_month_day{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                        std::chrono::day(static_cast<unsigned>(day))}
      .ok();
}

std::string today(int offset_minutes) {
  using namespace std::chrono;
  auto local = system_clock::now() + minutes(offset_minutes);
  year_month_day ymd{floor<days>(local)};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::string now_rfc3339() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto day = floor<days>(now);
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
