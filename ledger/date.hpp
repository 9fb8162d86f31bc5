#pragma once
// Value dates (YYYY-MM-DD) and timestamps (RFC 3339 UTC). Dates stay text: they sort correctly as text,
// which is how SQLite compares them.
#include <string>
#include <string_view>

namespace samaki::ledger {

// A real calendar date written exactly as YYYY-MM-DD, years 1900 to 9999.
bool is_valid_date(std::string_view text);

// Today's date at UTC plus `offset_minutes` (Cambodia is +420).
std::string today(int offset_minutes);

// Now as RFC 3339 UTC with milliseconds, e.g. 2026-11-28T09:15:02.123Z.
std::string now_rfc3339();

}  // namespace samaki::ledger
