#pragma once
// What work running on the writer thread sees: the write connection and caches of what the writer
// itself wrote (chain heads, charts, members, balances), so posting needs no reads of history.
// The caches are only ever changed after the SQL for a change has succeeded; the store drops them all
// whenever a batch fails to commit or work is taken out of a batch, and they reload lazily.
// Only code in ledger/store/ touches the connection; the rest of the ledger goes through store functions.
#include "ledger/date.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/ids.hpp"
#include "ledger/journal/hash_chain.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace samaki::ledger {

// The writer's view of one group.
struct group_state {
  group_info info;
  std::int64_t last_seq = 0;
  digest head{};                                // hash of the entry at last_seq, zeros before the first
  std::optional<calendar_date> closed_through;  // the latest close still in force
  std::unordered_map<std::string, account_info> accounts;  // by code

  const account_info* account(std::string_view code) const;
};

// Where a member belongs, and whether they left.
struct member_state {
  group_id group;
  std::optional<calendar_date> left_on;
};

class write_context {
 public:
  write_context(sqlite::connection& db, int timezone_offset_minutes)
      : db_(db), timezone_offset_minutes_(timezone_offset_minutes) {}

  // For ledger/store/ only.
  sqlite::connection& db() { return db_; }
  int timezone_offset_minutes() const { return timezone_offset_minutes_; }
  // Today where the groups live; fixed for tests that need a known day.
  calendar_date today() const;
  void set_today_for_tests(std::optional<calendar_date> day) { fixed_today_ = day; }
  // The time written as created_at (of entries, operations, groups, members, periods): the clock, or a
  // pinned time while work that must come out the same on every run (the demonstration data) sets one.
  std::string now() const;
  void pin_now(std::optional<std::string> rfc3339) { pinned_now_ = std::move(rfc3339); }

  // The group's state, loaded on first use; nullptr for an unknown group.
  group_state* group(group_id id);
  // Where the member belongs; nullopt for an unknown member.
  std::optional<member_state> member(member_id id);
  // The running balance (debit minus credit) of an account, for one member on a member ledger.
  std::int64_t balance(account_id account, std::optional<member_id> member = std::nullopt);
  // The sum over members of a member-ledger account's balances; reports show it, so it must fit too.
  std::int64_t account_total(account_id account);

  // Updates after the SQL succeeded.
  void set_balance(account_id account, std::optional<member_id> member, std::int64_t value);
  void set_account_total(account_id account, std::int64_t value) { account_totals_[account.value] = value; }
  void remember_member(member_id member, member_state state) { members_[member.value] = state; }
  void forget_group(group_id id) { groups_.erase(id.value); }

  // Notes that work in this batch changed the group's books (entries, accounts, members, periods), so
  // whoever keeps copies of them hears of it once the batch commits.
  void note_changed(group_id id) { changed_groups_.insert(id.value); }
  // The groups noted since the last call, in id order; the set starts empty again.
  std::vector<group_id> take_changed();

  // Drops every cache (and the changed groups); they reload from the database on next use.
  void invalidate();

 private:
  struct balance_key {
    std::int64_t account, member;  // member 0: the account's own balance
    bool operator==(const balance_key&) const = default;
  };
  struct balance_key_hash {
    std::size_t operator()(const balance_key& k) const noexcept {
      return std::hash<std::int64_t>{}(k.account * 1000003 ^ k.member);
    }
  };

  sqlite::connection& db_;
  int timezone_offset_minutes_;
  std::optional<calendar_date> fixed_today_;
  std::optional<std::string> pinned_now_;
  std::unordered_map<std::int64_t, std::unique_ptr<group_state>> groups_;
  std::unordered_map<std::int64_t, member_state> members_;
  std::unordered_map<balance_key, std::int64_t, balance_key_hash> balances_;
  std::unordered_map<std::int64_t, std::int64_t> account_totals_;
  std::set<std::int64_t> changed_groups_;
};

}  // namespace samaki::ledger
