#pragma once
// Loading stored rows into ledger types; used by the writer and by read sessions alike. A row whose
// enum text (a kind, a type, a currency) is unknown is a broken invariant: it throws, never defaults.
#include "ledger/groups/group.hpp"
#include "ledger/journal/journal.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::ledger {

std::optional<group_info> load_group(sqlite::connection& db, group_id id);
std::vector<account_info> load_accounts(sqlite::connection& db, group_id id);
// An account from a row whose first eight columns are id, code, type, name, name_km, currency,
// member_ledger, closed_on.
account_info account_from_row(const sqlite::statement& s, group_id group);
std::optional<member_info> load_member(sqlite::connection& db, member_id id);
// The entry with its lines in order, or nullopt. `reversed_by`, `operation` and `metadata` are filled in.
std::optional<entry> load_entry(sqlite::connection& db, entry_id id);
// Every close of the group, oldest first, reopened ones included.
std::vector<period_info> load_periods(sqlite::connection& db, group_id id);

// Optional text and dates to and from SQL.
void bind_optional_text(sqlite::statement& s, int index, const std::optional<std::string>& text);
void bind_optional_date(sqlite::statement& s, int index, const std::optional<calendar_date>& date);
calendar_date stored_date(const sqlite::statement& s, int column);
std::optional<calendar_date> stored_optional_date(const sqlite::statement& s, int column);

// The parsed value of a stored enum text; an unknown text throws (the database broke an invariant).
template <class T>
T known(std::optional<T> parsed, std::string_view what, const std::string& text) {
  if (!parsed)
    throw std::logic_error("the database holds an unknown " + std::string(what) + " '" + text + "'");
  return *parsed;
}

}  // namespace samaki::ledger
