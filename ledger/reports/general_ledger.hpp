#pragma once
// The general ledger: for every account (or one), the opening balance at the start of a period, each
// line of the period with the running balance after it, and the closing balance; all in the account's
// natural sign, lines in date and seq order.
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/reports/group_books.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

struct ledger_row {
  calendar_date date;
  std::int64_t seq = 0;
  entry_id entry;
  std::string memo;
  std::optional<member_id> member;        // named on this line
  std::optional<member_id> entry_member;  // the one member the entry's lines name, if exactly one
  money debit, credit;
  money balance;  // natural sign, after this line
};

struct ledger_account {
  account_info account;
  money opening, closing;  // natural sign
  money total_debit, total_credit;
  std::vector<ledger_row> lines;
};

struct general_ledger {
  std::optional<calendar_date> from, to;
  std::vector<ledger_account>
      accounts;  // by code: those with an opening balance or lines, or the one asked for
};

// From what was read: opening nets (nets_before `from`; empty when the period starts with the books) and
// the period's lines (lines_between), of `only` or of every account.
general_ledger build_general_ledger(const group_books& books, const account_nets& opening,
                                    const std::vector<ledger_line>& lines, const account_info* only,
                                    const std::optional<calendar_date>& from,
                                    const std::optional<calendar_date>& to);

// Reads and builds in the caller's snapshot (the books already read in it).
general_ledger read_general_ledger(sqlite::connection& db, const group_books& books, const account_info* only,
                                   const std::optional<calendar_date>& from,
                                   const std::optional<calendar_date>& to);

// In one read snapshot; `account` a code of the group (unknown_account naming the field otherwise).
result<general_ledger> read_general_ledger(sqlite::connection& db, group_id group,
                                           const std::optional<std::string>& account,
                                           const std::optional<calendar_date>& from,
                                           const std::optional<calendar_date>& to);

// unknown_account naming the `account` field: a code the group does not have.
error unknown_account_error(const std::string& code);

}  // namespace samaki::ledger
