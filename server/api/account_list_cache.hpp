#pragma once
// Each group's accounts with their balances, kept between requests. Reading balances is the commonest
// request, and a group's list only changes when the writer commits work on that group. The writer
// brackets each COMMIT: `changing` (just before it) drops the groups' copies and keeps new ones out,
// `changed` (after it, before any caller hears of the commit) lets them back in. So a list is never older
// than anything another endpoint has already shown, or than a write a caller was told about.
#include "ledger/ids.hpp"
#include "ledger/store/queries.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace samaki::server {

class account_list_cache {
 public:
  struct snapshot {
    std::vector<ledger::account_balance> accounts;  // ordered by code
    std::string first_page;                         // the JSON body of the list with no ?limit or ?cursor
  };
  // Taken before reading the database; a copy read after it is kept only if no commit touched the group
  // since, so a slow reader cannot put back a list older than one already dropped.
  struct ticket {
    ledger::group_id group;
    std::uint64_t commits_seen = 0;
  };

  std::shared_ptr<const snapshot> find(ledger::group_id group) const;
  ticket before_reading(ledger::group_id group);
  void keep(const ticket& read_at, std::shared_ptr<const snapshot> copy);

  // The writer's two calls around a COMMIT that changes `groups` (changed also when it failed).
  void changing(std::span<const ledger::group_id> groups);
  void changed(std::span<const ledger::group_id> groups);

 private:
  struct slot {
    std::uint64_t changed_at = 0;  // the commit count when the group last changed
    bool committing = false;       // between changing and changed: no copy is kept
    std::shared_ptr<const snapshot> copy;
  };
  mutable std::mutex mutex_;
  std::uint64_t commits_ = 0;  // calls of changed(): a clock for tickets
  // Only groups that exist get a slot (written to, or read successfully), so a caller guessing ids
  // cannot grow it.
  std::unordered_map<std::int64_t, slot> slots_;
};

}  // namespace samaki::server
