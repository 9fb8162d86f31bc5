// libFuzzer target: dates as clients send them. Whatever parses is exactly YYYY-MM-DD of a real day: it
// prints back as the same text, and date arithmetic from it stays in range without crashing.
#include "ledger/date.hpp"

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

using namespace samaki::ledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto date = calendar_date::parse(text);
  if (date.has_value() != is_valid_date(text)) std::abort();
  if (!date) {
    if (calendar_date::parse_field(text, "date")) std::abort();
    return 0;
  }
  if (date->to_string() != text) std::abort();
  if (calendar_date::from_ymd(date->year(), date->month(), date->day()) != *date) std::abort();
  // Instalments fall due months later, meetings days later: fine, or refused as out of range near 9999.
  try {
    (void)date->plus_months(static_cast<int>(size % 48));
    (void)date->plus_days(static_cast<std::int32_t>(size * 7));
    (void)date->last_day_of_month();
  } catch (const std::out_of_range&) {
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
