#pragma once
// Thin RAII over the SQLite C API: a connection with a cache of prepared statements, a statement with
// typed binds and columns, and a transaction that rolls back unless committed.
// SQL values are always bound, never spliced into text.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace samaki::ledger::sqlite {

// SQLite failed in a way the caller did not expect (I/O error, corruption, broken SQL).
struct sqlite_error : std::runtime_error {
  sqlite_error(int rc, const std::string& what) : std::runtime_error(what), code(rc) {}
  int code;
};

class statement {
 public:
  statement(sqlite3* db, std::string_view sql);
  ~statement();
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;

  // Binds are 1-based like SQLite's; each returns *this so calls chain.
  statement& bind(int index, std::int64_t value);
  statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  statement& bind(int index, std::string_view text);
  statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  statement& bind_blob(int index, std::span<const unsigned char> bytes);
  statement& bind_null(int index);
  statement& bind(int index, const std::optional<std::int64_t>& value) {
    if (value.has_value()) return bind(index, value.value());
    return bind_null(index);
  }

  // Advances: true while a row is ready. Throws sqlite_error on failure (constraint errors included).
  bool step();
  // step() expecting exactly no row (INSERT/UPDATE).
  void run();
  // Resets and clears bindings so the cached statement can be used again.
  void reset();

  std::int64_t column_int(int index) const;
  std::string column_text(int index) const;
  std::optional<std::int64_t> column_optional_int(int index) const;
  std::optional<std::string> column_optional_text(int index) const;
  std::string column_blob(int index) const;
  bool column_is_null(int index) const;

  sqlite3_stmt* handle() const { return stmt_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// A statement borrowed from the connection's cache; reset when the borrow ends.
class cached_statement {
 public:
  explicit cached_statement(statement& s) : s_(&s) {}
  ~cached_statement() { s_->reset(); }
  cached_statement(const cached_statement&) = delete;
  cached_statement& operator=(const cached_statement&) = delete;
  statement* operator->() const { return s_; }
  statement& operator*() const { return *s_; }

 private:
  statement* s_;
};

enum class open_mode { read_write_create, read_only };

class connection {
 public:
  connection(const std::string& path, open_mode mode);
  ~connection();
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;

  // Runs SQL text without parameters (pragmas, schema, BEGIN/COMMIT).
  void exec(std::string_view sql);
  // A prepared statement kept for the life of the connection, keyed by its SQL text.
  cached_statement prepare(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  int changes() const;
  sqlite3* handle() const { return db_; }

  // One integer from a query with no parameters (e.g. PRAGMA user_version).
  std::int64_t query_int(std::string_view sql);

 private:
  sqlite3* db_ = nullptr;
  // Heterogeneous lookup: finding a cached statement by its SQL text allocates nothing.
  struct text_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, std::unique_ptr<statement>, text_hash, std::equal_to<>> cache_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless commit() succeeded.
class transaction {
 public:
  explicit transaction(connection& c);
  ~transaction();
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;
  void commit();

 private:
  connection& c_;
  bool open_ = true;
};

// Several queries that must see one state of the database: BEGIN (deferred: the snapshot is taken by the
// first read) now, COMMIT when the guard ends. Inside a transaction already open on the connection (the
// writer's batch, or an outer snapshot) it does nothing: that transaction is already one snapshot.
class read_snapshot {
 public:
  explicit read_snapshot(connection& c);
  ~read_snapshot();
  read_snapshot(const read_snapshot&) = delete;
  read_snapshot& operator=(const read_snapshot&) = delete;

 private:
  connection& c_;
  bool began_ = false;
};

}  // namespace samaki::ledger::sqlite
