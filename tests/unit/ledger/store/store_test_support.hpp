#pragma once
// Shared by the store tests: a temporary database directory, a store holding one group of each kind with
// members, short builders for postings, blocking calls into the writer, and a checksum of every table so
// a test can prove that a rejected request wrote nothing.
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/journal/journal.hpp"
#include "ledger/store/read_session.hpp"
#include "ledger/store/sqlite.hpp"
#include "ledger/store/store.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace samaki::test {

// A fresh directory under the system temp dir, removed with everything in it at the end of the test.
class temp_dir {
 public:
  temp_dir();
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;

  const std::string& path() const { return path_; }
  std::string file(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

// The error code's name of a result, or "ok" when it succeeded; a plain string prints well in a failed CHECK.
template <class T>
std::string code_of(const ledger::result<T>& r) {
  if (r.has_value()) return "ok";
  return std::string(ledger::code_name(r.error().code));
}

inline std::string name_of(ledger::errc code) {
  return std::string(ledger::code_name(code));
}

// What every test store runs with: each batch is rehearsed (run, rolled back, run again) before it
// commits, so writer work that is not safe to run twice fails the tests.
ledger::store_options test_store_options(std::string path, bool synchronous_full = false);

// A date written YYYY-MM-DD; throws for anything else (a mistake in the test).
ledger::calendar_date day(std::string_view text);

// Lines as a treasurer's screen would produce them.
ledger::posting_line debit(std::string account, std::string amount,
                           std::optional<ledger::member_id> member = {});
ledger::posting_line credit(std::string account, std::string amount,
                            std::optional<ledger::member_id> member = {});

ledger::posting make_posting(ledger::group_id group, std::string date,
                             std::vector<ledger::posting_line> lines, std::string key = "",
                             std::string memo = "test entry");

// Runs work on the store's writer and waits for the committed answer.
template <class T>
ledger::result<T> run(ledger::store& s, std::function<ledger::result<T>(ledger::write_context&)> work) {
  return s.submit<T>(std::move(work)).get();
}

ledger::result<ledger::posted> post(ledger::store& s, const ledger::posting& p);
ledger::result<ledger::posted> reverse(ledger::store& s, ledger::group_id group, ledger::entry_id original,
                                       std::string key, std::optional<std::string> date = {});
ledger::result<ledger::period_info> close_through(ledger::store& s, ledger::group_id group,
                                                  std::string through);
ledger::group_info make_group(ledger::store& s, std::string name, ledger::group_kind kind,
                              std::string currency);
ledger::member_id make_member(ledger::store& s, ledger::group_id group, std::string name);

// One string per table: name, row count and a SHA-256 over the rows in a canonical order. Two equal
// results mean no table changed between them.
std::vector<std::string> table_checksums(const std::string& db_path);
// What changed_tables gives when nothing changed; compared with == so a failure lists the tables.
inline const std::vector<std::string> no_tables{};
// The names of the tables whose checksum differs between two results of table_checksums.
std::vector<std::string> changed_tables(const std::vector<std::string>& before,
                                        const std::vector<std::string>& after);

// A single integer from a query with optional integer/text parameters bound in order.
std::int64_t query_int(ledger::sqlite::connection& db, std::string_view sql,
                       const std::vector<std::variant<std::int64_t, std::string>>& params = {});

// Balance of an account in its natural sign (from the running balances), and of one member on it.
std::int64_t balance_of(ledger::sqlite::connection& db, ledger::group_id group, const std::string& code);
std::int64_t member_balance_of(ledger::sqlite::connection& db, ledger::group_id group,
                               const std::string& code, ledger::member_id member);
// Every balance of a group: "code" or "code/member" -> natural-sign balance, zeros left out.
std::map<std::string, std::int64_t> all_balances(ledger::sqlite::connection& db, ledger::group_id group);
// "key=value" lines of such a map, for comparisons that print readably.
std::vector<std::string> as_text(const std::map<std::string, std::int64_t>& balances);

// Checks a group's stored chain from first principles: seqs 1..n with no gap, each prev_hash the hash
// before it (zeros first), each hash recomputed from the entry, and the result's entry count.
void check_chain(ledger::sqlite::connection& db, ledger::group_id group, std::int64_t expected_entries);

// A database with a KHR savings group (three members), a KHR agriculture cooperative (two members) and a
// USD joint-task committee (two members).
struct ledger_fixture {
  explicit ledger_fixture(bool synchronous_full = true);

  temp_dir dir;
  std::string path;
  std::unique_ptr<ledger::store> db;
  ledger::group_info savings, coop, task;
  std::vector<ledger::member_id> savers, coop_members, task_members;

  ledger::result<ledger::posted> post(const ledger::posting& p) { return test::post(*db, p); }
  // Posts something that must succeed and returns it.
  ledger::posted must_post(const ledger::posting& p);
  std::vector<std::string> checksums() const { return table_checksums(path); }
  // The tables changed since `before` was taken; empty when nothing was written.
  std::vector<std::string> changed_since(const std::vector<std::string>& before) const {
    return changed_tables(before, checksums());
  }
  // A read-only session onto the committed state.
  std::unique_ptr<ledger::read_session> reader() const {
    return std::make_unique<ledger::read_session>(path);
  }
};

}  // namespace samaki::test
