#include "ledger/store/rows.hpp"

#include "ledger/journal/hash_chain.hpp"
#include "ledger/seal.hpp"

#include <stdexcept>

namespace samaki::ledger {

void bind_optional_text(sqlite::statement& s, int index, const std::optional<std::string>& text) {
  if (text)
    s.bind(index, *text);
  else
    s.bind_null(index);
}

void bind_optional_date(sqlite::statement& s, int index, const std::optional<calendar_date>& date) {
  if (date)
    s.bind(index, date->to_string());
  else
    s.bind_null(index);
}

calendar_date stored_date(const sqlite::statement& s, int column) {
  auto text = s.column_text(column);
  return known(calendar_date::parse(text), "date", text);
}

std::optional<calendar_date> stored_optional_date(const sqlite::statement& s, int column) {
  if (s.column_is_null(column)) return std::nullopt;
  return stored_date(s, column);
}

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
  auto kind = s->column_text(2);
  g.kind = known(parse_kind(kind), "group kind", kind);
  g.currency = iso_currency::of_stored(s->column_text(3));
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
  auto type = s.column_text(2);
  a.type = known(parse_type(type), "account type", type);
  a.name = s.column_text(3);
  a.name_km = s.column_text(4);
  a.currency = iso_currency::of_stored(s.column_text(5));
  a.member_ledger = s.column_int(6) != 0;
  a.closed_on = stored_optional_date(s, 7);
  return a;
}

std::vector<account_info> load_accounts(sqlite::connection& db, group_id id) {
  auto s = db.prepare(
      "SELECT id, code, type, name, name_km, currency, member_ledger, closed_on FROM accounts "
      "WHERE group_id = ? ORDER BY code");
  s->bind(1, id.value);
  std::vector<account_info> out;
  while (s->step()) out.push_back(account_from_row(*s, id));
  return out;
}

std::optional<member_info> load_member(sqlite::connection& db, member_id id) {
  auto s = db.prepare(
      "SELECT group_id, name, name_km, phone, gender, joined_on, created_at, left_on, family_name, "
      "given_name, "
      "family_name_km, given_name_km FROM members WHERE id = ?");
  s->bind(1, id.value);
  if (!s->step()) return std::nullopt;
  member_info m;
  m.id = id;
  m.group = group_id{s->column_int(0)};
  m.name = s->column_text(1);
  m.name_km = s->column_text(2);
  m.phone = s->column_text(3);
  m.gender = s->column_text(4);
  m.joined_on = stored_optional_date(*s, 5);
  m.created_at = s->column_text(6);
  m.left_on = stored_optional_date(*s, 7);
  m.parts = name_parts{s->column_text(8), s->column_text(9), s->column_text(10), s->column_text(11)};
  return m;
}

std::optional<entry> load_entry(sqlite::connection& db, entry_id id) {
  entry e;
  {
    auto s = db.prepare(
        "SELECT e.group_id, e.seq, e.date, e.memo, e.reverses, e.created_by, e.created_at, e.prev_hash, "
        "e.hash, (SELECT r.id FROM entries r WHERE r.reverses = e.id), "
        "(SELECT o.operation_id FROM operation_entries o WHERE o.entry_id = e.id) FROM entries e WHERE e.id "
        "= ?");
    s->bind(1, id.value);
    if (!s->step()) return std::nullopt;
    e.id = id;
    e.group = group_id{s->column_int(0)};
    e.seq = s->column_int(1);
    e.date = stored_date(*s, 2);
    e.memo = s->column_text(3);
    if (auto r = s->column_optional_int(4)) e.reverses = entry_id{*r};
    e.created_by = s->column_text(5);
    e.created_at = s->column_text(6);
    e.prev_hash = to_hex(digest_from_bytes(s->column_blob(7)));
    e.hash = to_hex(digest_from_bytes(s->column_blob(8)));
    if (auto r = s->column_optional_int(9)) e.reversed_by = entry_id{*r};
    if (auto o = s->column_optional_int(10)) e.operation = operation_id{*o};
  }
  {
    auto s = db.prepare(
        "SELECT l.line_no, a.code, l.member_id, a.currency, l.debit, l.credit, l.memo "
        "FROM lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = ? ORDER BY l.line_no");
    s->bind(1, id.value);
    while (s->step()) {
      entry_line l;
      l.line_no = static_cast<int>(s->column_int(0));
      l.account = s->column_text(1);
      if (auto m = s->column_optional_int(2)) l.member = member_id{*m};
      auto debit = s->column_int(4), credit = s->column_int(5);
      l.side = debit > 0 ? side::debit : side::credit;
      l.amount = money(debit > 0 ? debit : credit, iso_currency::of_stored(s->column_text(3)));
      l.memo = s->column_text(6);
      e.lines.push_back(std::move(l));
    }
  }
  auto s = db.prepare("SELECT key, value FROM entry_metadata WHERE entry_id = ? ORDER BY key");
  s->bind(1, id.value);
  while (s->step()) e.metadata.emplace_back(s->column_text(0), s->column_text(1));
  return e;
}

std::vector<period_info> load_periods(sqlite::connection& db, group_id id) {
  auto s = db.prepare(
      "SELECT id, through, kind, closed_at, closed_by, head_seq, head, closing_entry, reopened_at, "
      "reopened_by, "
      "reopen_reason FROM periods WHERE group_id = ? ORDER BY id");
  s->bind(1, id.value);
  std::vector<period_info> out;
  while (s->step()) {
    period_info p;
    p.id = period_id{s->column_int(0)};
    p.group = id;
    p.through = stored_date(*s, 1);
    auto kind = s->column_text(2);
    p.kind = known(parse_period_kind(kind), "period kind", kind);
    p.closed_at = s->column_text(3);
    p.closed_by = s->column_text(4);
    p.head_seq = s->column_int(5);
    auto head = digest_from_bytes(s->column_blob(6));
    p.head = to_hex(head);
    p.seal_code = seal_code(head);
    if (auto e = s->column_optional_int(7)) p.closing_entry = entry_id{*e};
    p.reopened_at = s->column_optional_text(8);
    p.reopened_by = s->column_text(9);
    p.reopen_reason = s->column_text(10);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace samaki::ledger
