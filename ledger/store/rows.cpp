#include "ledger/store/rows.hpp"

#include "ledger/hash_chain.hpp"

namespace samaki::ledger {

std::optional<group_info> load_group(sqlite::connection& db, group_id id) {
  auto s = db.prepare(
      "SELECT name, name_km, kind, currency, cash_unit, province, district, commune, village, created_at "
      "FROM groups WHERE id = ?");
  s->bind(1, id.value);
  if (!s->step()) return std::nullopt;
  group_info g;
  g.id = id;
  g.name = s->column_text(0);
  g.name_km = s->column_text(1);
  g.kind = parse_kind(s->column_text(2)).value_or(group_kind::savings_group);
  g.currency = s->column_text(3);
  g.cash_unit = s->column_int(4);
  g.province = s->column_text(5);
  g.district = s->column_text(6);
  g.commune = s->column_text(7);
  g.village = s->column_text(8);
  g.created_at = s->column_text(9);
  return g;
}

account_info account_from_row(const sqlite::statement& s, group_id group) {
  account_info a;
  a.id = account_id{s.column_int(0)};
  a.group = group;
  a.code = s.column_text(1);
  a.type = parse_type(s.column_text(2)).value_or(account_type::asset);
  a.name = s.column_text(3);
  a.name_km = s.column_text(4);
  a.currency = s.column_text(5);
  a.member_ledger = s.column_int(6) != 0;
  return a;
}

std::vector<account_info> load_accounts(sqlite::connection& db, group_id id) {
  auto s = db.prepare(
      "SELECT id, code, type, name, name_km, currency, member_ledger FROM accounts WHERE group_id = ? "
      "ORDER BY code");
  s->bind(1, id.value);
  std::vector<account_info> out;
  while (s->step()) out.push_back(account_from_row(*s, id));
  return out;
}

std::optional<member_info> load_member(sqlite::connection& db, member_id id) {
  auto s = db.prepare(
      "SELECT group_id, name, name_km, phone, gender, joined_on, created_at FROM members WHERE id = ?");
  s->bind(1, id.value);
  if (!s->step()) return std::nullopt;
  member_info m;
  m.id = id;
  m.group = group_id{s->column_int(0)};
  m.name = s->column_text(1);
  m.name_km = s->column_text(2);
  m.phone = s->column_text(3);
  m.gender = s->column_text(4);
  m.joined_on = s->column_optional_text(5);
  m.created_at = s->column_text(6);
  return m;
}

std::optional<entry> load_entry(sqlite::connection& db, entry_id id) {
  entry e;
  {
    auto s = db.prepare(
        "SELECT e.group_id, e.seq, e.date, e.memo, e.reverses, e.created_by, e.created_at, e.prev_hash, "
        "e.hash, (SELECT r.id FROM entries r WHERE r.reverses = e.id) FROM entries e WHERE e.id = ?");
    s->bind(1, id.value);
    if (!s->step()) return std::nullopt;
    e.id = id;
    e.group = group_id{s->column_int(0)};
    e.seq = s->column_int(1);
    e.date = s->column_text(2);
    e.memo = s->column_text(3);
    if (auto r = s->column_optional_int(4)) e.reverses = entry_id{*r};
    e.created_by = s->column_text(5);
    e.created_at = s->column_text(6);
    e.prev_hash = to_hex(digest_from_bytes(s->column_blob(7)));
    e.hash = to_hex(digest_from_bytes(s->column_blob(8)));
    if (auto r = s->column_optional_int(9)) e.reversed_by = entry_id{*r};
  }
  auto s = db.prepare(
      "SELECT l.line_no, a.code, l.member_id, a.currency, l.debit, l.credit, l.memo "
      "FROM lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = ? ORDER BY l.line_no");
  s->bind(1, id.value);
  while (s->step()) {
    entry_line l;
    l.line_no = static_cast<int>(s->column_int(0));
    l.account = s->column_text(1);
    if (auto m = s->column_optional_int(2)) l.member = member_id{*m};
    l.currency = s->column_text(3);
    auto debit = s->column_int(4), credit = s->column_int(5);
    l.side = debit > 0 ? side::debit : side::credit;
    l.amount = debit > 0 ? debit : credit;
    l.memo = s->column_text(6);
    e.lines.push_back(std::move(l));
  }
  return e;
}

std::string_view period_kind_name(period_kind kind) {
  switch (kind) {
    case period_kind::month: return "month";
    case period_kind::year: return "year";
    case period_kind::cycle: return "cycle";
  }
  return "month";
}

std::optional<period_kind> parse_period_kind(std::string_view text) {
  if (text == "month") return period_kind::month;
  if (text == "year") return period_kind::year;
  if (text == "cycle") return period_kind::cycle;
  return std::nullopt;
}

std::string seal_code(const digest& head) {
  // Crockford's alphabet: no I, L, O or U, so a code copied by hand into minutes reads back unambiguously.
  static constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) bits = (bits << 8) | head[static_cast<std::size_t>(i)];
  std::string code;
  for (int i = 0; i < 12; ++i) code += alphabet[(bits >> (64 - 5 * (i + 1))) & 31];
  return code;
}

std::vector<period_info> load_periods(sqlite::connection& db, group_id id) {
  auto s = db.prepare(
      "SELECT through, kind, closed_at, closed_by, head_seq, head FROM periods WHERE group_id = ? "
      "ORDER BY through");
  s->bind(1, id.value);
  std::vector<period_info> out;
  while (s->step()) {
    period_info p;
    p.group = id;
    p.through = s->column_text(0);
    p.kind = parse_period_kind(s->column_text(1)).value_or(period_kind::month);
    p.closed_at = s->column_text(2);
    p.closed_by = s->column_text(3);
    p.head_seq = s->column_int(4);
    auto head = digest_from_bytes(s->column_blob(5));
    p.head = to_hex(head);
    p.seal_code = seal_code(head);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace samaki::ledger
