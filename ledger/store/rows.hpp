#pragma once
// Loading stored rows into ledger types; used by the writer and by read sessions alike.
#include "ledger/group.hpp"
#include "ledger/hash_chain.hpp"
#include "ledger/journal.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>
#include <vector>

namespace samaki::ledger {

std::optional<group_info> load_group(sqlite::connection& db, group_id id);
std::vector<account_info> load_accounts(sqlite::connection& db, group_id id);
// An account from a row whose first seven columns are id, code, type, name, name_km, currency,
// member_ledger.
account_info account_from_row(const sqlite::statement& s, group_id group);
std::optional<member_info> load_member(sqlite::connection& db, member_id id);
// The entry with its lines in order, or nullopt. `reversed_by` is filled in.
std::optional<entry> load_entry(sqlite::connection& db, entry_id id);
std::vector<period_info> load_periods(sqlite::connection& db, group_id id);

std::string_view period_kind_name(period_kind kind);
std::optional<period_kind> parse_period_kind(std::string_view text);
// The 12-character seal code of a chain head (Crockford base32 of its first 60 bits).
std::string seal_code(const digest& head);

}  // namespace samaki::ledger
