#include "ledger/store/journal_writer.hpp"

#include "ledger/journal/hash_chain.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger {

entry append_entry(write_context& ctx, group_state& group, const checked_entry& checked) {
  auto& db = ctx.db();
  const auto& draft = checked.draft();
  entry e;
  e.group = group.info.id;
  e.seq = group.last_seq + 1;
  e.date = draft.date;
  e.memo = draft.memo;
  e.reverses = draft.reverses;
  e.created_by = checked.author();
  e.created_at = ctx.now();
  e.metadata = draft.metadata;
  const auto& lines = checked.lines();
  e.lines.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    e.lines.push_back(entry_line{static_cast<int>(i + 1), l.account->code, l.member, l.direction,
                                 money(l.amount, l.account->currency), l.memo});
  }
  auto hash = entry_hash(group.head, e);
  {
    auto s = db.prepare(
        "INSERT INTO entries (group_id, seq, date, memo, reverses, created_by, created_at, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s->bind(1, e.group.value).bind(2, e.seq).bind(3, e.date.to_string()).bind(4, e.memo);
    s->bind(5, e.reverses ? std::optional(e.reverses->value) : std::nullopt);
    s->bind(6, e.created_by).bind(7, e.created_at).bind_blob(8, group.head).bind_blob(9, hash);
    s->run();
  }
  e.id = entry_id{db.last_insert_rowid()};
  {
    auto s = db.prepare(
        "INSERT INTO lines (entry_id, line_no, account_id, member_id, debit, credit, memo) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& l = lines[i];
      s->bind(1, e.id.value).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, l.account->id.value);
      s->bind(4, l.member ? std::optional(l.member->value) : std::nullopt);
      s->bind(5, l.direction == side::debit ? l.amount : 0)
          .bind(6, l.direction == side::credit ? l.amount : 0);
      s->bind(7, l.memo);
      s->run();
      s->reset();
    }
  }
  {
    auto s = db.prepare(
        "INSERT INTO balances (account_id, member_id, balance) VALUES (?, ?, ?) "
        "ON CONFLICT (account_id, member_id) DO UPDATE SET balance = excluded.balance");
    for (const auto& [key, value] : checked.balances_after()) {
      s->bind(1, key.first).bind(2, key.second).bind(3, value);
      s->run();
      s->reset();
    }
  }
  {
    auto s = db.prepare(
        "INSERT INTO chain_heads (group_id, seq, hash) VALUES (?, ?, ?) "
        "ON CONFLICT (group_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
    s->bind(1, e.group.value).bind(2, e.seq).bind_blob(3, hash);
    s->run();
  }
  if (!e.metadata.empty()) {
    auto s = db.prepare("INSERT INTO entry_metadata (entry_id, key, value) VALUES (?, ?, ?)");
    for (const auto& [key, value] : e.metadata) {
      s->bind(1, e.id.value).bind(2, key).bind(3, value);
      s->run();
      s->reset();
    }
  }
  // Only now, with every row written, do the caches move.
  for (const auto& [key, value] : checked.balances_after())
    ctx.set_balance(account_id{key.first}, key.second ? std::optional(member_id{key.second}) : std::nullopt,
                    value);
  for (const auto& [account, total] : checked.member_ledger_totals_after())
    ctx.set_account_total(account_id{account}, total);
  e.prev_hash = to_hex(group.head);
  e.hash = to_hex(hash);
  group.last_seq = e.seq;
  group.head = hash;
  ctx.note_changed(group.info.id);
  return e;
}

}  // namespace samaki::ledger
