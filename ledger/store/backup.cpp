#include "ledger/store/backup.hpp"

#include "ledger/reports/verify.hpp"
#include "ledger/store/migrations.hpp"
#include "ledger/store/sqlite.hpp"

#include <filesystem>
#include <stdexcept>

namespace samaki::ledger {
namespace {

// The whole copy in one backup step: one read transaction, so the copy is one consistent snapshot.
// Pages copied per step when someone watches the progress; all at once otherwise.
constexpr int pages_per_step = 1024;

void copy_pages(sqlite::connection& source, const std::string& to, const backup_progress& progress = {}) {
  sqlite::connection target(to, sqlite::open_mode::read_write_create);
  // One read snapshot across the steps: the copy is of one moment, and a writer beside it never makes
  // the copy start over.
  sqlite::read_snapshot snapshot(source);
  sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
  if (!backup) throw std::runtime_error(std::string("backup: ") + sqlite3_errmsg(target.handle()));
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, progress ? pages_per_step : -1);
    if (progress && (rc == SQLITE_OK || rc == SQLITE_DONE)) {
      const std::int64_t total = sqlite3_backup_pagecount(backup);
      progress(total - sqlite3_backup_remaining(backup), total);
    }
  } while (rc == SQLITE_OK);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throw std::runtime_error(std::string("backup: ") + sqlite3_errstr(rc));
  // A copy is one self-contained file, not a WAL pair.
  target.exec("PRAGMA journal_mode = DELETE");
}

void require_new_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && std::filesystem::file_size(path, ec) > 0)
    throw std::runtime_error(path + " already exists and is not empty");
  for (const char* suffix : {"-wal", "-shm"})
    if (std::filesystem::exists(path + suffix, ec)) throw std::runtime_error(path + suffix + " exists");
}

}  // namespace

void backup_database(const std::string& from, const std::string& to, const backup_progress& progress) {
  if (!std::filesystem::exists(from)) throw std::runtime_error("no database at " + from);
  if (std::filesystem::exists(to)) throw std::runtime_error(to + " already exists");
  sqlite::connection source(from, sqlite::open_mode::read_only);
  copy_pages(source, to, progress);
}

void restore_database(const std::string& from, const std::string& to) {
  if (!std::filesystem::exists(from)) throw std::runtime_error("no backup at " + from);
  require_new_file(to);
  sqlite::connection source(from, sqlite::open_mode::read_only);
  if (source.query_int("PRAGMA user_version") > schema_version())
    throw std::runtime_error(from + " was written by a newer Samaki");
  {
    auto check = source.prepare("PRAGMA integrity_check");
    if (!check->step() || check->column_text(0) != "ok")
      throw std::runtime_error(from + " fails SQLite's integrity check");
  }
  auto report = verify_all(source);
  if (!report.ok())
    throw std::runtime_error(from + " fails verification: run samaki verify on it for details");
  auto parent = std::filesystem::path(to).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  copy_pages(source, to);
}

}  // namespace samaki::ledger
