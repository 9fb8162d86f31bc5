#include "ledger/store/write_context.hpp"

#include "ledger/int128.hpp"
#include "ledger/store/rows.hpp"

namespace samaki::ledger {

const account_info* group_state::account(std::string_view code) const {
  auto it = accounts.find(std::string(code));
  return it == accounts.end() ? nullptr : &it->second;
}

calendar_date write_context::today() const {
  return fixed_today_ ? *fixed_today_ : calendar_date::today(timezone_offset_minutes_);
}

std::string write_context::now() const {
  return pinned_now_ ? *pinned_now_ : now_rfc3339();
}

group_state* write_context::group(group_id id) {
  if (auto it = groups_.find(id.value); it != groups_.end()) return it->second.get();
  auto info = load_group(db_, id);
  if (!info) return nullptr;
  auto state = std::make_unique<group_state>();
  state->info = std::move(*info);
  for (auto& a : load_accounts(db_, id)) state->accounts.emplace(a.code, std::move(a));
  {
    auto s = db_.prepare("SELECT seq, hash FROM entries WHERE group_id = ? ORDER BY seq DESC LIMIT 1");
    s->bind(1, id.value);
    if (s->step()) {
      state->last_seq = s->column_int(0);
      state->head = digest_from_bytes(s->column_blob(1));
    }
  }
  {
    auto s = db_.prepare("SELECT max(through) FROM periods WHERE group_id = ? AND reopened_at IS NULL");
    s->bind(1, id.value);
    if (s->step()) state->closed_through = stored_optional_date(*s, 0);
  }
  return groups_.emplace(id.value, std::move(state)).first->second.get();
}

std::optional<member_state> write_context::member(member_id id) {
  if (auto it = members_.find(id.value); it != members_.end()) return it->second;
  auto s = db_.prepare("SELECT group_id, left_on FROM members WHERE id = ?");
  s->bind(1, id.value);
  if (!s->step()) return std::nullopt;
  member_state state{group_id{s->column_int(0)}, stored_optional_date(*s, 1)};
  members_.emplace(id.value, state);
  return state;
}

std::int64_t write_context::balance(account_id account, std::optional<member_id> member) {
  balance_key key{account.value, member ? member->value : 0};
  if (auto it = balances_.find(key); it != balances_.end()) return it->second;
  auto s = db_.prepare("SELECT balance FROM balances WHERE account_id = ? AND member_id = ?");
  s->bind(1, key.account).bind(2, key.member);
  std::int64_t value = s->step() ? s->column_int(0) : 0;
  balances_.emplace(key, value);
  return value;
}

std::int64_t write_context::account_total(account_id account) {
  if (auto it = account_totals_.find(account.value); it != account_totals_.end()) return it->second;
  auto s = db_.prepare("SELECT balance FROM balances WHERE account_id = ?");
  s->bind(1, account.value);
  int128 total = 0;
  while (s->step()) total += s->column_int(0);
  auto value = static_cast<std::int64_t>(total);  // fits: every posting kept it in range
  account_totals_.emplace(account.value, value);
  return value;
}

void write_context::set_balance(account_id account, std::optional<member_id> member, std::int64_t value) {
  balances_[balance_key{account.value, member ? member->value : 0}] = value;
}

std::vector<group_id> write_context::take_changed() {
  std::vector<group_id> changed;
  changed.reserve(changed_groups_.size());
  for (auto id : changed_groups_) changed.push_back(group_id{id});
  changed_groups_.clear();
  return changed;
}

void write_context::invalidate() {
  changed_groups_.clear();
  groups_.clear();
  members_.clear();
  balances_.clear();
  account_totals_.clear();
}

}  // namespace samaki::ledger
