#include "ledger/store/sqlite.hpp"

#include <string>

namespace samaki::ledger::sqlite {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw sqlite_error(rc, message);
}

}  // namespace

statement::statement(sqlite3* db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                              nullptr);
  if (rc != SQLITE_OK) fail(db, rc, std::string("prepare ") + std::string(sql));
}

statement::~statement() {
  sqlite3_finalize(stmt_);
}

statement& statement::bind(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

statement& statement::bind(int index, std::string_view text) {
  int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

statement& statement::bind_blob(int index, std::span<const unsigned char> bytes) {
  int rc = sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

statement& statement::bind_null(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

bool statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, rc, "step");
}

void statement::run() {
  if (step()) throw sqlite_error(SQLITE_MISUSE, "statement returned a row where none was expected");
}

void statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t statement::column_int(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

std::string statement::column_text(int index) const {
  const auto* text = sqlite3_column_text(stmt_, index);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

std::optional<std::int64_t> statement::column_optional_int(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_int(index);
}

std::optional<std::string> statement::column_optional_text(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_text(index);
}

std::string statement::column_blob(int index) const {
  const void* data = sqlite3_column_blob(stmt_, index);
  if (!data) return {};
  return std::string(static_cast<const char*>(data),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

bool statement::column_is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

connection::connection(const std::string& path, open_mode mode) {
  int flags = SQLITE_OPEN_NOMUTEX;
  flags |= mode == open_mode::read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "open " + path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw sqlite_error(rc, message);
  }
  sqlite3_extended_result_codes(db_, 1);
  // Readers and the writer wait for each other briefly instead of failing with SQLITE_BUSY.
  sqlite3_busy_timeout(db_, 10000);
}

connection::~connection() {
  cache_.clear();
  sqlite3_close_v2(db_);
}

void connection::exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string what = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw sqlite_error(rc, "exec: " + what);
  }
}

cached_statement connection::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) it = cache_.emplace(std::string(sql), std::make_unique<statement>(db_, sql)).first;
  return cached_statement(*it->second);
}

std::int64_t connection::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

int connection::changes() const {
  return sqlite3_changes(db_);
}

std::int64_t connection::query_int(std::string_view sql) {
  statement s(db_, sql);
  if (!s.step()) throw sqlite_error(SQLITE_ERROR, "no row: " + std::string(sql));
  return s.column_int(0);
}

transaction::transaction(connection& c) : c_(c) {
  c_.exec("BEGIN IMMEDIATE");
}

transaction::~transaction() {
  if (!open_) return;
  try {
    c_.exec("ROLLBACK");
  } catch (const sqlite_error&) {
    // A failed COMMIT may already have rolled back; nothing more to undo.
  }
}

void transaction::commit() {
  c_.exec("COMMIT");
  open_ = false;
}

read_snapshot::read_snapshot(connection& c) : c_(c) {
  if (sqlite3_get_autocommit(c_.handle()) == 0) return;
  c_.exec("BEGIN");
  began_ = true;
}

read_snapshot::~read_snapshot() {
  if (!began_) return;
  try {
    c_.exec("COMMIT");
  } catch (const sqlite_error&) {
    // A read transaction has nothing to lose.
  }
}

}  // namespace samaki::ledger::sqlite
