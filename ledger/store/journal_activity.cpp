#include "ledger/store/journal_activity.hpp"

#include "ledger/store/rows.hpp"

namespace samaki::ledger {

journal_activity journal_activity_of(sqlite::connection& db, group_id group, calendar_date since,
                                     std::int32_t tolerance_days) {
  journal_activity out;
  // created_at is RFC 3339 UTC, so a date compares with it as text: "2026-11-02T..." >= "2026-11-02".
  const auto from = since.to_string();
  {
    auto s = db.prepare(
        "SELECT count(*), max(created_at), max(date), count(reverses), "
        "coalesce(sum(reverses IS NOT NULL AND created_at >= ?2), 0) FROM entries WHERE group_id = ?1");
    s->bind(1, group.value).bind(2, from);
    if (s->step()) {
      out.entries = s->column_int(0);
      out.last_recorded = s->column_optional_text(1);
      out.last_date = stored_optional_date(*s, 2);
      out.reversals = s->column_int(3);
      out.recent_reversals = s->column_int(4);
    }
  }
  // One pass in seq order: each entry against its recording day and the latest date recorded before it.
  auto s = db.prepare(
      "SELECT count(*), coalesce(sum(created_at >= ?2), 0), max(seq) FROM ("
      " SELECT seq, date, created_at, max(substr(created_at, 1, 10), coalesce(latest, '')) AS reference FROM "
      "("
      "  SELECT seq, date, created_at, max(date) OVER (ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 "
      "PRECEDING) AS latest FROM entries WHERE group_id = ?1))"
      " WHERE julianday(reference) - julianday(date) > ?3");
  s->bind(1, group.value).bind(2, from).bind(3, static_cast<std::int64_t>(tolerance_days));
  if (s->step()) {
    out.back_dated = s->column_int(0);
    out.recent_back_dated = s->column_int(1);
    out.last_back_dated_seq = s->column_optional_int(2);
  }
  return out;
}

}  // namespace samaki::ledger
