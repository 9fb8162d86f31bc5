#include "ledger/store/chain_reads.hpp"

#include "ledger/store/rows.hpp"

namespace samaki::ledger {
namespace {

// Bound as a plain value or NULL: "?1 IS NULL" then means every group.
void bind_group(sqlite::statement& s, std::optional<group_id> group) {
  if (group)
    s.bind(1, group->value);
  else
    s.bind_null(1);
}

}  // namespace

std::vector<group_id> all_group_ids(sqlite::connection& db) {
  auto s = db.prepare("SELECT id FROM groups ORDER BY id");
  std::vector<group_id> out;
  while (s->step()) out.push_back(group_id{s->column_int(0)});
  return out;
}

std::vector<entry_id> entry_ids_in_chain_order(sqlite::connection& db, group_id group) {
  auto s = db.prepare("SELECT id FROM entries WHERE group_id = ? ORDER BY seq");
  s->bind(1, group.value);
  std::vector<entry_id> out;
  while (s->step()) out.push_back(entry_id{s->column_int(0)});
  return out;
}

bool has_foreign_lines(sqlite::connection& db, entry_id entry, group_id group) {
  auto s = db.prepare(
      "SELECT 1 FROM lines l JOIN accounts a ON a.id = l.account_id LEFT JOIN members m ON m.id = "
      "l.member_id "
      "WHERE l.entry_id = ?1 AND (a.group_id <> ?2 OR (l.member_id IS NOT NULL AND "
      "(m.id IS NULL OR m.group_id <> ?2))) LIMIT 1");
  s->bind(1, entry.value).bind(2, group.value);
  return s->step();
}

void for_each_chain_entry(sqlite::connection& db, group_id group,
                          const std::function<void(const entry&)>& each) {
  auto entries = db.prepare(
      "SELECT id, seq, date, memo, reverses, created_by, created_at, prev_hash, hash FROM entries WHERE "
      "group_id = ? ORDER BY seq");
  entries->bind(1, group.value);
  // The same order: entries by seq, each entry's lines by number (the lines' primary key).
  auto lines = db.prepare(
      "SELECT l.entry_id, l.line_no, a.code, l.member_id, a.currency, l.debit, l.credit, l.memo FROM entries "
      "e "
      "JOIN lines l ON l.entry_id = e.id JOIN accounts a ON a.id = l.account_id WHERE e.group_id = ? ORDER "
      "BY "
      "e.seq, l.line_no");
  lines->bind(1, group.value);
  bool line_ready = lines->step();
  while (entries->step()) {
    entry e;
    e.id = entry_id{entries->column_int(0)};
    e.group = group;
    e.seq = entries->column_int(1);
    e.date = stored_date(*entries, 2);
    e.memo = entries->column_text(3);
    if (auto r = entries->column_optional_int(4)) e.reverses = entry_id{*r};
    e.created_by = entries->column_text(5);
    e.created_at = entries->column_text(6);
    e.prev_hash = to_hex(digest_from_bytes(entries->column_blob(7)));
    e.hash = to_hex(digest_from_bytes(entries->column_blob(8)));
    for (; line_ready && lines->column_int(0) == e.id.value; line_ready = lines->step()) {
      entry_line l;
      l.line_no = static_cast<int>(lines->column_int(1));
      l.account = lines->column_text(2);
      if (auto m = lines->column_optional_int(3)) l.member = member_id{*m};
      auto debit = lines->column_int(5), credit = lines->column_int(6);
      l.side = debit > 0 ? side::debit : side::credit;
      l.amount = money(debit > 0 ? debit : credit, iso_currency::of_stored(lines->column_text(4)));
      l.memo = lines->column_text(7);
      e.lines.push_back(std::move(l));
    }
    each(e);
  }
}

std::set<std::int64_t> seqs_with_foreign_lines(sqlite::connection& db, group_id group) {
  auto s = db.prepare(
      "SELECT DISTINCT e.seq FROM entries e JOIN lines l ON l.entry_id = e.id JOIN accounts a ON a.id = "
      "l.account_id LEFT JOIN members m ON m.id = l.member_id WHERE e.group_id = ?1 AND (a.group_id <> ?1 OR "
      "(l.member_id IS NOT NULL AND (m.id IS NULL OR m.group_id <> ?1)))");
  s->bind(1, group.value);
  std::set<std::int64_t> out;
  while (s->step()) out.insert(s->column_int(0));
  return out;
}

std::optional<recorded_head> chain_head_of(sqlite::connection& db, group_id group) {
  auto s = db.prepare("SELECT seq, hash FROM chain_heads WHERE group_id = ?");
  s->bind(1, group.value);
  if (!s->step()) return std::nullopt;
  return recorded_head{s->column_int(0), digest_from_bytes(s->column_blob(1))};
}

std::map<std::pair<std::int64_t, std::int64_t>, balance_sums> balance_sums_of(sqlite::connection& db,
                                                                              std::optional<group_id> group) {
  std::map<std::pair<std::int64_t, std::int64_t>, balance_sums> out;
  {
    // A member on an ordinary account is attribution: it makes no balance of its own.
    auto s = db.prepare(
        "SELECT l.account_id, CASE WHEN a.member_ledger = 1 THEN coalesce(l.member_id, 0) ELSE 0 END, "
        "l.debit - l.credit FROM lines l JOIN accounts a ON a.id = l.account_id WHERE ?1 IS NULL OR "
        "a.group_id = ?1");
    bind_group(*s, group);
    while (s->step()) out[{s->column_int(0), s->column_int(1)}].recomputed += s->column_int(2);
  }
  auto s = db.prepare(
      "SELECT b.account_id, b.member_id, b.balance FROM balances b JOIN accounts a ON a.id = b.account_id "
      "WHERE ?1 IS NULL OR a.group_id = ?1");
  bind_group(*s, group);
  while (s->step()) out[{s->column_int(0), s->column_int(1)}].stored = s->column_int(2);
  return out;
}

std::pair<group_id, std::string> account_owner(sqlite::connection& db, std::int64_t account) {
  auto s = db.prepare("SELECT group_id, code FROM accounts WHERE id = ?");
  s->bind(1, account);
  if (!s->step()) return {group_id{}, "?"};
  return {group_id{s->column_int(0)}, s->column_text(1)};
}

}  // namespace samaki::ledger
