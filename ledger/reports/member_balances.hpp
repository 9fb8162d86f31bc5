#pragma once
// Member balances: one row per member of the group with their balance on each member-ledger account
// (shares, loans, payables, deposits...) as of a date, and each account's total over its members.
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/reports/group_books.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>
#include <vector>

namespace samaki::ledger {

struct member_balances_column {
  account_info account;  // a member ledger of the group
  money total;           // over every member, natural sign
};

struct member_balances_row {
  member_info member;
  std::vector<money> balances;  // one per column, in the columns' order; natural sign
};

struct member_balances_report {
  std::optional<calendar_date> as_of;
  std::vector<member_balances_column> columns;  // by code
  std::vector<member_balances_row> rows;        // every member, by id
};

// From balances already read: `nets` as of the date (nets_through).
member_balances_report build_member_balances(const group_books& books, const account_nets& nets,
                                             const std::optional<calendar_date>& as_of);

// As of the end of `as_of` (today's books when none), in one read snapshot.
result<member_balances_report> read_member_balances(sqlite::connection& db, group_id group,
                                                    const std::optional<calendar_date>& as_of);

}  // namespace samaki::ledger
