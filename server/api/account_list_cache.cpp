#include "server/api/account_list_cache.hpp"

namespace samaki::server {

std::shared_ptr<const account_list_cache::snapshot> account_list_cache::find(ledger::group_id group) const {
  std::lock_guard lock(mutex_);
  auto it = slots_.find(group.value);
  return it == slots_.end() ? nullptr : it->second.copy;
}

account_list_cache::ticket account_list_cache::before_reading(ledger::group_id group) {
  std::lock_guard lock(mutex_);
  return {group, commits_};
}

void account_list_cache::keep(const ticket& read_at, std::shared_ptr<const snapshot> copy) {
  std::lock_guard lock(mutex_);
  auto& s = slots_[read_at.group.value];
  if (!s.committing && s.changed_at <= read_at.commits_seen) s.copy = std::move(copy);
}

void account_list_cache::changing(std::span<const ledger::group_id> groups) {
  std::lock_guard lock(mutex_);
  for (auto group : groups) {
    auto& s = slots_[group.value];
    s.committing = true;
    s.copy.reset();
  }
}

void account_list_cache::changed(std::span<const ledger::group_id> groups) {
  if (groups.empty()) return;
  std::lock_guard lock(mutex_);
  ++commits_;
  for (auto group : groups) {
    auto& s = slots_[group.value];
    s.committing = false;
    s.changed_at = commits_;
    s.copy.reset();
  }
}

}  // namespace samaki::server
