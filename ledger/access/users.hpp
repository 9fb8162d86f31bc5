#pragma once
// Users, their roles and groups, login sessions and the audit log: who may do what, and who did what.
// Passwords are kept only as Argon2id hashes, session tokens only as SHA-256 hashes.
#include "ledger/error.hpp"
#include "ledger/ids.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::ledger {

class write_context;

enum class role { admin, staff, treasurer, member };
std::string_view role_name(role r);
std::optional<role> parse_role(std::string_view text);

struct user_info {
  user_id id;
  std::string username;
  std::string display_name;
  ledger::role role = role::member;
  std::vector<group_id> groups;     // groups the user may see (admin: ignored, sees all)
  std::optional<member_id> member;  // for role member: their own member record
  std::string created_at;
};

struct new_user {
  std::string username;
  std::string password;
  std::string display_name;
  ledger::role role = role::member;
  std::vector<group_id> groups;
  std::optional<member_id> member;
};

// Argon2id (libsodium's crypto_pwhash_str, interactive limits). Slow on purpose: call off I/O threads.
std::string hash_password(std::string_view password);
bool check_password(std::string_view password, const std::string& stored_hash);

// Checks the rules (username 3-64 of [A-Za-z0-9._-], password 8-1024 bytes, groups exist, a member user
// names a member of one of its groups) and creates the user; conflict when the username is taken.
// The password must be hashed before, off the writer thread: pass its hash.
result<user_info> create_user(write_context& ctx, const new_user& u, const std::string& password_hash);

std::optional<user_info> load_user(sqlite::connection& db, user_id id);
// The user and their password hash, for login.
std::optional<std::pair<user_info, std::string>> find_login(sqlite::connection& db,
                                                            std::string_view username);
std::vector<user_info> list_users(sqlite::connection& db);

// A login session. The token itself goes to the client once; only its hash is stored.
struct session_info {
  user_info user;
  std::string csrf_token;
  std::int64_t expires_at = 0;  // unix seconds
};

// 32 random bytes as 43 characters of unpadded base64url.
std::string random_token();
std::string token_hash(std::string_view token);  // raw 32 bytes

// Where a session was opened from, shown to its user in their list of sessions: the client's address and
// its browser (the User-Agent, as the server keeps it).
struct session_origin {
  std::string address;
  std::string device;
};

result<bool> create_session(write_context& ctx, user_id user, const std::string& token_hash_bytes,
                            const std::string& csrf_token, std::int64_t expires_at,
                            const session_origin& origin = {});
// The live session of a token (not ended, not expired at `now`), with its user.
std::optional<session_info> find_session(sqlite::connection& db, const std::string& token_hash_bytes,
                                         std::int64_t now);
result<bool> end_session(write_context& ctx, const std::string& token_hash_bytes);

// A live session as its user sees it in a list (the server names it by an id made from the hash).
struct session_row {
  std::string token_hash;  // raw 32 bytes
  std::string created_at;
  std::int64_t expires_at = 0;
  session_origin origin;
};
// The user's sessions that are neither ended nor expired at `now`, oldest first.
std::vector<session_row> list_sessions(sqlite::connection& db, user_id user, std::int64_t now);
// Ends every session of the user still live at `now`; how many there were.
result<std::int64_t> end_user_sessions(write_context& ctx, user_id user, std::int64_t now);

// One line of the audit log: every state change and every login attempt.
struct audit_record {
  std::int64_t id = 0;
  std::string at;  // RFC 3339, set when written
  std::optional<user_id> user;
  std::string username;
  std::string address;
  std::string action;  // e.g. "entry.post", "login.failed"
  std::optional<group_id> group;
  std::string target;  // e.g. "entry 12"
  std::string request_id;
  std::string detail;
};
// Appends within the caller's writer work, so the record commits with the change it describes.
void append_audit(write_context& ctx, audit_record record);

struct audit_filter {
  std::optional<std::vector<group_id>> groups;  // only these groups (and no group-less records); all if none
  std::optional<group_id> group;
  std::optional<std::string> from, to;  // dates, inclusive, compared with the date part of `at`
  std::int64_t after_id = 0;            // cursor: records with id > after_id
  std::size_t limit = 100;
};
// Oldest first, like the journal.
std::vector<audit_record> list_audit(sqlite::connection& db, const audit_filter& filter);

}  // namespace samaki::ledger
