#pragma once
// What every general report starts from: the group, its chart and its members, read in the caller's
// snapshot; and the small arithmetic they share (a net in an account's natural sign, per-account sums).
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/int128.hpp"
#include "ledger/money.hpp"
#include "ledger/store/report_reads.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace samaki::ledger {

struct group_books {
  group_info group;
  std::vector<account_info> accounts;  // by code
  std::vector<member_info> members;    // by id, those who left included

  const account_info* account(std::int64_t id) const;
  const account_info* account(std::string_view code) const;
  const member_info* member(member_id id) const;
  // The currencies of the group's accounts, by code; the base currency is always one of them.
  std::vector<iso_currency> currencies() const;
};

// not_found for a group that does not exist.
result<group_books> read_group_books(sqlite::connection& db, group_id group);

// Debit minus credit shown in the account's natural sign (debit minus credit for assets and expenses,
// credit minus debit for the others), narrowed to int64 with a check.
money natural_money(const account_info& account, int128 debit_minus_credit);

// The nets summed over members: account id -> debit minus credit.
std::map<std::int64_t, int128> per_account(const account_nets& nets);

// Sums amounts of one currency in 128 bits and gives the total narrowed with a check.
class money_total {
 public:
  explicit money_total(iso_currency currency) : currency_(currency) {}
  void add(const money& amount) { sum_ += amount.minor(); }
  money total() const { return money(narrow(sum_), currency_); }

 private:
  iso_currency currency_;
  int128 sum_ = 0;
};

}  // namespace samaki::ledger
