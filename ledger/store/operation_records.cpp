#include "ledger/store/operation_records.hpp"

#include "ledger/store/rows.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger {

operation_id next_free_operation_id(write_context& ctx) {
  auto s = ctx.db().prepare("SELECT coalesce(max(id), 0) + 1 FROM operations");
  s->step();
  return operation_id{s->column_int(0)};
}

operation_id insert_operation(write_context& ctx, const operation_record& r,
                              const std::string& idempotency_key, const digest& request_hash) {
  auto s = ctx.db().prepare(
      "INSERT INTO operations (id, group_id, type, date, memo, request, idempotency_key, request_hash, "
      "created_by, created_at, reverses, reason) VALUES (?12, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  s->bind(12, r.id.value);
  s->bind(1, r.group.value).bind(2, r.type).bind(3, r.date.to_string()).bind(4, r.memo).bind(5, r.request);
  bind_optional_text(*s, 6, idempotency_key.empty() ? std::nullopt : std::optional(idempotency_key));
  s->bind_blob(7, request_hash).bind(8, r.created_by).bind(9, r.created_at);
  s->bind(10, r.reverses ? std::optional(r.reverses->value) : std::nullopt).bind(11, r.reason);
  s->run();
  return operation_id{ctx.db().last_insert_rowid()};
}

void link_operation_entry(write_context& ctx, operation_id operation, entry_id entry, int position) {
  auto s =
      ctx.db().prepare("INSERT INTO operation_entries (entry_id, operation_id, position) VALUES (?, ?, ?)");
  s->bind(1, entry.value).bind(2, operation.value).bind(3, position);
  s->run();
}

void set_operation_response(write_context& ctx, operation_id operation, const std::string& response) {
  auto s = ctx.db().prepare("UPDATE operations SET response = ? WHERE id = ?");
  s->bind(1, response).bind(2, operation.value);
  s->run();
}

namespace {

constexpr const char* operation_columns =
    "o.id, o.group_id, o.type, o.date, o.memo, o.request, o.response, o.created_by, o.created_at, "
    "o.reverses, "
    "o.reason, (SELECT r.id FROM operations r WHERE r.reverses = o.id)";

operation_record read_operation(const sqlite::statement& s) {
  operation_record r;
  r.id = operation_id{s.column_int(0)};
  r.group = group_id{s.column_int(1)};
  r.type = s.column_text(2);
  r.date = stored_date(s, 3);
  r.memo = s.column_text(4);
  r.request = s.column_text(5);
  r.response = s.column_text(6);
  r.created_by = s.column_text(7);
  r.created_at = s.column_text(8);
  if (auto v = s.column_optional_int(9)) r.reverses = operation_id{*v};
  r.reason = s.column_text(10);
  if (auto v = s.column_optional_int(11)) r.reversed_by = operation_id{*v};
  return r;
}

void load_entries(sqlite::connection& db, operation_record& r) {
  std::vector<entry_id> ids;
  {
    auto s = db.prepare("SELECT entry_id FROM operation_entries WHERE operation_id = ? ORDER BY position");
    s->bind(1, r.id.value);
    while (s->step()) ids.push_back(entry_id{s->column_int(0)});
  }
  for (auto id : ids)
    if (auto e = load_entry(db, id)) r.entries.push_back(std::move(*e));
}

}  // namespace

std::optional<operation_record> load_operation(sqlite::connection& db, operation_id id) {
  sqlite::read_snapshot snapshot(db);
  operation_record r;
  {
    auto s = db.prepare(std::string("SELECT ") + operation_columns + " FROM operations o WHERE o.id = ?");
    s->bind(1, id.value);
    if (!s->step()) return std::nullopt;
    r = read_operation(*s);
  }
  load_entries(db, r);
  return r;
}

bool later_live_operation(sqlite::connection& db, group_id group, operation_id after) {
  auto s = db.prepare(
      "SELECT 1 FROM operations o WHERE o.group_id = ? AND o.id > ? AND o.reverses IS NULL AND NOT EXISTS "
      "(SELECT 1 "
      "FROM operations r WHERE r.reverses = o.id) LIMIT 1");
  s->bind(1, group.value).bind(2, after.value);
  return s->step();
}

std::vector<operation_record> list_operations(sqlite::connection& db, const operation_filter& f) {
  sqlite::read_snapshot snapshot(db);
  std::vector<operation_record> out;
  {
    auto s = db.prepare(
        std::string("SELECT ") + operation_columns +
        " FROM operations o WHERE o.group_id = ?1 AND o.id > ?2 AND (?3 IS NULL OR o.type = ?3) "
        "AND (?4 IS NULL OR o.date >= ?4) AND (?5 IS NULL OR o.date <= ?5) AND (?6 IS NULL OR EXISTS "
        "(SELECT 1 FROM operation_entries oe JOIN lines l ON l.entry_id = oe.entry_id "
        "WHERE oe.operation_id = o.id AND l.member_id = ?6)) ORDER BY o.id LIMIT ?7");
    s->bind(1, f.group.value).bind(2, f.after_id);
    bind_optional_text(*s, 3, f.type);
    bind_optional_date(*s, 4, f.from);
    bind_optional_date(*s, 5, f.to);
    s->bind(6, f.member ? std::optional(f.member->value) : std::nullopt);
    s->bind(7, static_cast<std::int64_t>(f.limit));
    while (s->step()) out.push_back(read_operation(*s));
  }
  for (auto& r : out) load_entries(db, r);
  return out;
}

}  // namespace samaki::ledger
