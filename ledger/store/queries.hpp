#pragma once
// Reads: groups, members, accounts with balances, entries, the trial balance and member statements.
// Each takes a connection (a read session's, or the writer's) and returns plain ledger types; amounts are
// minor units, shown in the account's natural sign (debit-normal accounts as debit minus credit).
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/journal/journal.hpp"
#include "ledger/money.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

// All groups, or only those in `visible` when given; by id.
std::vector<group_info> list_groups(sqlite::connection& db,
                                    const std::optional<std::vector<group_id>>& visible);

// Members of a group with id > after, by id, at most limit.
std::vector<member_info> list_members(sqlite::connection& db, group_id group, std::int64_t after,
                                      std::size_t limit);

struct account_balance {
  account_info account;
  money balance;  // natural sign
};
std::vector<account_balance> list_accounts(sqlite::connection& db, group_id group);
std::optional<account_balance> find_account(sqlite::connection& db, group_id group, const std::string& code);

struct member_balance {
  member_id member;
  money balance;  // natural sign
};
// Non-zero balances of each member on a member-ledger account, by member id.
std::vector<member_balance> member_balances(sqlite::connection& db, const account_info& account);

// An account with its balance and, on a member ledger, its members' balances (none on other accounts),
// read in one snapshot: the members add up to the balance even while postings commit.
struct account_detail {
  account_balance account;
  std::vector<member_balance> members;
};
std::optional<account_detail> find_account_detail(sqlite::connection& db, group_id group,
                                                  const std::string& code);

struct entry_filter {
  group_id group;
  std::optional<calendar_date> from, to;  // inclusive
  std::optional<std::string> account;     // entries touching this account code
  std::optional<member_id> member;        // entries naming this member
  std::int64_t after_seq = 0;             // cursor: entries with seq > after_seq
  std::size_t limit = 100;
  bool latest = false;  // the last `limit` entries that match instead of the first
};
// Entries in seq order (oldest first), with their lines.
std::vector<entry> list_entries(sqlite::connection& db, const entry_filter& filter);

struct trial_balance_row {
  std::string code, name, name_km;
  account_type type = account_type::asset;
  money debit, credit;
};
struct trial_balance_currency {
  iso_currency currency;
  std::vector<trial_balance_row> rows;
  money total_debit, total_credit;
};
// Per currency, every account with a non-zero balance as of the date (all history when none).
std::vector<trial_balance_currency> trial_balance(sqlite::connection& db, group_id group,
                                                  const std::optional<calendar_date>& as_of);

// One member's lines on member-ledger accounts, with a running balance per account.
struct statement_line {
  entry_id entry;
  std::int64_t seq = 0;
  calendar_date date;
  std::string memo;
  std::string account;
  money debit, credit;
  money balance;  // natural sign, after this line
};
struct statement_account {
  std::string code, name, name_km;
  iso_currency currency;
  account_type type = account_type::asset;
  money opening, closing;  // natural sign
  std::vector<statement_line> lines;
};
// Runs in the caller's read snapshot (several queries).
std::vector<statement_account> member_statement(sqlite::connection& db, group_id group, member_id member,
                                                const std::optional<calendar_date>& from,
                                                const std::optional<calendar_date>& to);

}  // namespace samaki::ledger
