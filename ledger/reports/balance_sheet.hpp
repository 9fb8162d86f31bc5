#pragma once
// The balance sheet: per currency, assets, liabilities and equity as of a date, with the income less
// expenses not yet closed into equity shown as a line of equity (the current result), so that assets
// equal liabilities plus equity exactly. Member-ledger accounts are one line, their members optional.
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/reports/group_books.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>
#include <vector>

namespace samaki::ledger {

struct member_amount {
  member_info member;
  money balance;  // natural sign
};

struct position_row {
  account_info account;
  money balance;                       // natural sign; a member ledger's total over its members
  std::vector<member_amount> members;  // non-zero members of a member ledger, when asked for
};

struct position_section {
  std::vector<position_row> rows;  // accounts with a non-zero balance, by code
  money total;
};

struct balance_sheet_currency {
  iso_currency currency;
  position_section assets, liabilities, equity;  // equity's total includes the current result
  money current_result;                          // income less expenses not yet closed
  money liabilities_and_equity;                  // equals assets.total
};

struct balance_sheet {
  std::optional<calendar_date> as_of;
  std::vector<balance_sheet_currency> currencies;  // by code; the group's base currency always
};

// From balances already read: `nets` as of the date (nets_through).
balance_sheet build_balance_sheet(const group_books& books, const account_nets& nets,
                                  const std::optional<calendar_date>& as_of, bool with_members);

// As of the end of `as_of` (today's books when none), in one read snapshot.
result<balance_sheet> read_balance_sheet(sqlite::connection& db, group_id group,
                                         const std::optional<calendar_date>& as_of, bool with_members);

}  // namespace samaki::ledger
