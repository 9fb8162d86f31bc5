#include "ledger/store/user_records.hpp"

#include "ledger/date.hpp"
#include "ledger/store/write_context.hpp"

#include <stdexcept>

namespace samaki::ledger {
namespace {

std::vector<group_id> load_user_groups(sqlite::connection& db, user_id id) {
  auto s = db.prepare("SELECT group_id FROM user_groups WHERE user_id = ? ORDER BY group_id");
  s->bind(1, id.value);
  std::vector<group_id> out;
  while (s->step()) out.push_back(group_id{s->column_int(0)});
  return out;
}

// Columns: id, username, display_name, role, member_id, created_at, password_hash.
constexpr const char* user_columns = "id, username, display_name, role, member_id, created_at, password_hash";

user_info read_user(sqlite::connection& db, sqlite::statement& s) {
  user_info u;
  u.id = user_id{s.column_int(0)};
  u.username = s.column_text(1);
  u.display_name = s.column_text(2);
  auto role_text = s.column_text(3);
  auto parsed_role = parse_role(role_text);
  if (!parsed_role) throw std::logic_error("the database holds an unknown role '" + role_text + "'");
  u.role = *parsed_role;
  if (auto m = s.column_optional_int(4)) u.member = member_id{*m};
  u.created_at = s.column_text(5);
  u.groups = load_user_groups(db, u.id);
  return u;
}

}  // namespace

bool username_taken(write_context& ctx, std::string_view username) {
  auto s = ctx.db().prepare("SELECT 1 FROM users WHERE username = ? COLLATE NOCASE");
  s->bind(1, username);
  return s->step();
}

user_id insert_user(write_context& ctx, const user_info& u, const std::string& password_hash) {
  auto& db = ctx.db();
  {
    auto s = db.prepare(
        "INSERT INTO users (username, password_hash, display_name, role, member_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    s->bind(1, u.username).bind(2, password_hash).bind(3, u.display_name).bind(4, role_name(u.role));
    s->bind(5, u.member ? std::optional(u.member->value) : std::nullopt).bind(6, u.created_at);
    s->run();
  }
  user_id id{db.last_insert_rowid()};
  auto s = db.prepare("INSERT OR IGNORE INTO user_groups (user_id, group_id) VALUES (?, ?)");
  for (auto g : u.groups) {
    s->bind(1, id.value).bind(2, g.value);
    s->run();
    s->reset();
  }
  return id;
}

std::optional<user_info> load_user(sqlite::connection& db, user_id id) {
  auto s = db.prepare(std::string("SELECT ") + user_columns + " FROM users WHERE id = ?");
  s->bind(1, id.value);
  if (!s->step()) return std::nullopt;
  return read_user(db, *s);
}

std::optional<std::pair<user_info, std::string>> find_login(sqlite::connection& db,
                                                            std::string_view username) {
  auto s =
      db.prepare(std::string("SELECT ") + user_columns + " FROM users WHERE username = ? COLLATE NOCASE");
  s->bind(1, username);
  if (!s->step()) return std::nullopt;
  auto hash = s->column_text(6);
  return std::make_pair(read_user(db, *s), hash);
}

std::vector<user_info> list_users(sqlite::connection& db) {
  std::vector<user_info> out;
  auto s = db.prepare(std::string("SELECT ") + user_columns + " FROM users ORDER BY id");
  while (s->step()) out.push_back(read_user(db, *s));
  return out;
}

result<bool> create_session(write_context& ctx, user_id user, const std::string& token_hash_bytes,
                            const std::string& csrf_token, std::int64_t expires_at,
                            const session_origin& origin) {
  auto s = ctx.db().prepare(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, address, device) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  s->bind_blob(1, {reinterpret_cast<const unsigned char*>(token_hash_bytes.data()), token_hash_bytes.size()});
  s->bind(2, user.value).bind(3, csrf_token).bind(4, now_rfc3339()).bind(5, expires_at);
  s->bind(6, origin.address).bind(7, origin.device);
  s->run();
  return true;
}

std::optional<session_info> find_session(sqlite::connection& db, const std::string& token_hash_bytes,
                                         std::int64_t now) {
  auto s =
      db.prepare("SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = ? AND ended = 0");
  s->bind_blob(1, {reinterpret_cast<const unsigned char*>(token_hash_bytes.data()), token_hash_bytes.size()});
  if (!s->step()) return std::nullopt;
  auto expires_at = s->column_int(2);
  if (expires_at <= now) return std::nullopt;
  auto csrf = s->column_text(1);
  auto user = load_user(db, user_id{s->column_int(0)});
  if (!user) return std::nullopt;
  return session_info{std::move(*user), std::move(csrf), expires_at};
}

result<bool> end_session(write_context& ctx, const std::string& token_hash_bytes) {
  auto s = ctx.db().prepare("UPDATE sessions SET ended = 1 WHERE token_hash = ?");
  s->bind_blob(1, {reinterpret_cast<const unsigned char*>(token_hash_bytes.data()), token_hash_bytes.size()});
  s->run();
  return ctx.db().changes() > 0;
}

// For GET /api/v1/me/sessions and ending one or all of a user's sessions.
std::vector<session_row> list_sessions(sqlite::connection& db, user_id user, std::int64_t now) {
  auto s = db.prepare(
      "SELECT token_hash, created_at, expires_at, address, device FROM sessions WHERE user_id = ? AND "
      "ended = 0 AND expires_at > ? ORDER BY rowid");
  s->bind(1, user.value).bind(2, now);
  std::vector<session_row> out;
  while (s->step())
    out.push_back(
        {s->column_blob(0), s->column_text(1), s->column_int(2), {s->column_text(3), s->column_text(4)}});
  return out;
}

result<std::int64_t> end_user_sessions(write_context& ctx, user_id user, std::int64_t now) {
  auto s =
      ctx.db().prepare("UPDATE sessions SET ended = 1 WHERE user_id = ? AND ended = 0 AND expires_at > ?");
  s->bind(1, user.value).bind(2, now);
  s->run();
  return static_cast<std::int64_t>(ctx.db().changes());
}

void append_audit(write_context& ctx, audit_record r) {
  auto s = ctx.db().prepare(
      "INSERT INTO audit_log (at, user_id, username, address, action, group_id, target, request_id, detail) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s->bind(1, r.at.empty() ? now_rfc3339() : r.at);
  s->bind(2, r.user ? std::optional(r.user->value) : std::nullopt).bind(3, r.username).bind(4, r.address);
  s->bind(5, r.action).bind(6, r.group ? std::optional(r.group->value) : std::nullopt).bind(7, r.target);
  s->bind(8, r.request_id).bind(9, r.detail);
  s->run();
}

std::vector<audit_record> list_audit(sqlite::connection& db, const audit_filter& f) {
  auto s = db.prepare(
      "SELECT id, at, user_id, username, address, action, group_id, target, request_id, detail FROM "
      "audit_log "
      "WHERE id > ?1 AND (?2 IS NULL OR group_id = ?2) AND (?3 IS NULL OR substr(at, 1, 10) >= ?3) "
      "AND (?4 IS NULL OR substr(at, 1, 10) <= ?4) ORDER BY id");
  s->bind(1, f.after_id).bind(2, f.group ? std::optional(f.group->value) : std::nullopt);
  if (f.from)
    s->bind(3, *f.from);
  else
    s->bind_null(3);
  if (f.to)
    s->bind(4, *f.to);
  else
    s->bind_null(4);
  std::vector<audit_record> out;
  while (out.size() < f.limit && s->step()) {
    audit_record r;
    r.id = s->column_int(0);
    r.at = s->column_text(1);
    if (auto u = s->column_optional_int(2)) r.user = user_id{*u};
    r.username = s->column_text(3);
    r.address = s->column_text(4);
    r.action = s->column_text(5);
    if (auto g = s->column_optional_int(6)) r.group = group_id{*g};
    r.target = s->column_text(7);
    r.request_id = s->column_text(8);
    r.detail = s->column_text(9);
    if (f.groups) {
      // Staff see only their groups' records; records without a group (logins) are admin's.
      bool visible = false;
      for (auto g : *f.groups) visible = visible || (r.group && *r.group == g);
      if (!visible) continue;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace samaki::ledger
