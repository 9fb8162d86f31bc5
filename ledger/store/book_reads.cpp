#include "ledger/store/book_reads.hpp"

#include "ledger/int128.hpp"
#include "ledger/store/rows.hpp"

namespace samaki::ledger {

raw_balances balances_as_of(sqlite::connection& db, group_id group, const std::optional<calendar_date>& day) {
  sqlite::read_snapshot snapshot(db);
  std::map<std::pair<std::int64_t, std::int64_t>, int128> sums;
  {
    auto s = db.prepare(
        "SELECT b.account_id, b.member_id, b.balance FROM balances b JOIN accounts a ON a.id = b.account_id "
        "WHERE a.group_id = ?");
    s->bind(1, group.value);
    while (s->step()) sums[{s->column_int(0), s->column_int(1)}] += s->column_int(2);
  }
  if (day) {
    auto s = db.prepare(
        "SELECT l.account_id, CASE WHEN a.member_ledger = 1 THEN coalesce(l.member_id, 0) ELSE 0 END, "
        "l.debit - l.credit FROM entries e JOIN lines l ON l.entry_id = e.id JOIN accounts a ON a.id = "
        "l.account_id "
        "WHERE e.group_id = ? AND e.date > ?");
    s->bind(1, group.value).bind(2, day->to_string());
    while (s->step()) sums[{s->column_int(0), s->column_int(1)}] -= s->column_int(2);
  }
  raw_balances out;
  for (const auto& [key, sum] : sums) {
    if (sum == 0) continue;
    if (sum > INT64_MAX || sum < INT64_MIN)
      throw error_exception(
          error(errc::invalid_amount, "a balance as of that day is beyond the range of amounts"));
    out[key] = static_cast<std::int64_t>(sum);
  }
  return out;
}

std::vector<member_line> member_lines(sqlite::connection& db, group_id group, member_id member,
                                      calendar_date from, std::optional<calendar_date> to) {
  auto s = db.prepare(
      "SELECT e.id, oe.operation_id, e.date, a.code, l.debit, l.credit, e.reverses IS NOT NULL OR EXISTS "
      "(SELECT 1 "
      "FROM entries r WHERE r.reverses = e.id AND (?3 IS NULL OR r.date <= ?3)), coalesce(o.type, '') FROM "
      "entries e "
      "JOIN lines l ON l.entry_id = e.id JOIN accounts a ON a.id = l.account_id "
      "LEFT JOIN operation_entries oe ON oe.entry_id = e.id LEFT JOIN operations o ON o.id = oe.operation_id "
      "WHERE e.group_id = ?1 AND e.date >= ?2 AND (?3 IS NULL OR e.date <= ?3) AND l.member_id = ?4 "
      "ORDER BY e.date, e.seq, l.line_no");
  s->bind(1, group.value).bind(2, from.to_string());
  bind_optional_date(*s, 3, to);
  s->bind(4, member.value);
  std::vector<member_line> out;
  while (s->step()) {
    member_line l;
    l.entry = entry_id{s->column_int(0)};
    if (auto o = s->column_optional_int(1)) l.operation = operation_id{*o};
    l.date = stored_date(*s, 2);
    l.account = s->column_text(3);
    auto debit = s->column_int(4);
    l.direction = debit > 0 ? side::debit : side::credit;
    l.amount = debit > 0 ? debit : s->column_int(5);
    l.undone = s->column_int(6) != 0;
    l.operation_type = s->column_text(7);
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<dated_line> lines_between(sqlite::connection& db, group_id group, calendar_date from,
                                      std::optional<calendar_date> to) {
  auto s = db.prepare(
      "SELECT e.id, oe.operation_id, coalesce(o.type, ''), e.date, a.code, l.member_id, l.debit, l.credit, "
      "EXISTS "
      "(SELECT 1 FROM entry_metadata m WHERE m.entry_id = e.id AND m.key = 'closing') FROM "
      "entries e JOIN lines l ON l.entry_id = e.id JOIN accounts a ON a.id = l.account_id "
      "LEFT JOIN operation_entries oe ON oe.entry_id = e.id LEFT JOIN operations o ON o.id = oe.operation_id "
      "WHERE e.group_id = ?1 AND e.date >= ?2 AND (?3 IS NULL OR e.date <= ?3) ORDER BY e.date, e.seq, "
      "l.line_no");
  s->bind(1, group.value).bind(2, from.to_string());
  bind_optional_date(*s, 3, to);
  std::vector<dated_line> out;
  while (s->step()) {
    dated_line l;
    l.entry = entry_id{s->column_int(0)};
    if (auto o = s->column_optional_int(1)) l.operation = operation_id{*o};
    l.operation_type = s->column_text(2);
    l.date = stored_date(*s, 3);
    l.account = s->column_text(4);
    if (auto m = s->column_optional_int(5)) l.member = member_id{*m};
    auto debit = s->column_int(6);
    l.direction = debit > 0 ? side::debit : side::credit;
    l.amount = debit > 0 ? debit : s->column_int(7);
    l.closing = s->column_int(8) != 0;
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace samaki::ledger
