#pragma once
// The cash book of one cash or bank account: the opening balance at the start of a period, each
// movement in and out with the running balance after it, and the closing balance, which the treasurer
// checks against the cash counted in the box.
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

// The account a cash book is of when none is named: the loan fund's cash box, or the group's cash.
inline constexpr std::string_view default_cash_account = "1010";

struct cash_book_line {
  calendar_date date;
  std::int64_t seq = 0;
  entry_id entry;
  std::string memo;
  std::optional<member_info> member;  // the one member the entry names, if exactly one
  money in, out;
  money balance;  // after this movement
};

struct cash_book {
  account_info account;
  std::optional<calendar_date> from, to;
  money opening, closing;
  money total_in, total_out;
  std::vector<cash_book_line> lines;
};

// In one read snapshot. unknown_account for a code the group does not have; bad_request (naming the field
// `account`) for one that holds no cash: not an asset, or a member ledger.
result<cash_book> read_cash_book(sqlite::connection& db, group_id group, const std::string& account,
                                 const std::optional<calendar_date>& from,
                                 const std::optional<calendar_date>& to);

}  // namespace samaki::ledger
