#pragma once
// Each group's accounts with their balances, kept between requests. Reading balances is the commonest
// request, and a group's list only changes when the writer commits work on that group: the store's
// batch observer drops the group's copy before any caller hears of the commit, so a reader never sees a
// list older than a write it was told about.
#include "ledger/ids.hpp"
#include "ledger/queries.hpp"

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
  // Taken before reading the database; a copy read after it is kept only if no commit changed the group
  // in between, so a slow reader cannot put back a list older than one already dropped.
  struct ticket {
    ledger::group_id group;
    std::uint64_t commits_seen = 0;
  };

  std::shared_ptr<const snapshot> find(ledger::group_id group) const;
  ticket before_reading(ledger::group_id group);
  void keep(const ticket& read_at, std::shared_ptr<const snapshot> copy);
  void changed(std::span<const ledger::group_id> groups);

 private:
  struct slot {
    std::uint64_t changed_at = 0;  // the commit count when the group last changed
    std::shared_ptr<const snapshot> copy;
  };
  mutable std::mutex mutex_;
  std::uint64_t commits_ = 0;  // calls of changed(): a clock for tickets
  // Only groups that exist get a slot (written to, or read successfully), so a caller guessing ids
  // cannot grow it.
  std::unordered_map<std::int64_t, slot> slots_;
};

}  // namespace samaki::server
