#pragma once
// Reads of the books that reports share, costed by what they look at rather than by the group's history:
// balances as of a day are today's running balances minus what was dated after it, and a member's lines are
// read from a day on.
#include "ledger/groups/group.hpp"
#include "ledger/ids.hpp"
#include "ledger/journal/journal.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace samaki::ledger {

// Debit minus credit per (account id, member id or 0), at the end of `day` (today when none). A member
// makes a balance of their own only on member ledgers.
using raw_balances = std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t>;
raw_balances balances_as_of(sqlite::connection& db, group_id group, const std::optional<calendar_date>& day);

// One line of an entry dated in a range that names the member (on a member ledger or as attribution).
struct member_line {
  entry_id entry;
  std::optional<operation_id> operation;
  std::string operation_type;  // empty for a raw posting
  calendar_date date;
  std::string account;
  side direction = side::debit;
  std::int64_t amount = 0;
  bool undone = false;  // the entry is a reversal, or was reversed by `to`
};
// Oldest first.
std::vector<member_line> member_lines(sqlite::connection& db, group_id group, member_id member,
                                      calendar_date from, std::optional<calendar_date> to);

// Every line of the group's entries dated in a range, with its entry's date and operation (oldest first).
struct dated_line {
  entry_id entry;
  std::optional<operation_id> operation;
  std::string operation_type;
  calendar_date date;
  std::string account;
  std::optional<member_id> member;
  side direction = side::debit;
  std::int64_t amount = 0;
  bool closing = false;  // a closing entry of a year or cycle (metadata "closing")
};
std::vector<dated_line> lines_between(sqlite::connection& db, group_id group, calendar_date from,
                                      std::optional<calendar_date> to);

}  // namespace samaki::ledger
