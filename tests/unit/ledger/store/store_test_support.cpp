#include "tests/unit/ledger/store/store_test_support.hpp"

#include "ledger/groups/registry.hpp"
#include "ledger/journal/hash_chain.hpp"
#include "ledger/journal/posting.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace samaki::test {

using namespace samaki::ledger;

temp_dir::temp_dir() {
  auto pattern = (std::filesystem::temp_directory_path() / "samaki-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
  path_ = pattern;
}

temp_dir::~temp_dir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

posting_line debit(std::string account, std::string amount, std::optional<member_id> member) {
  return posting_line{std::move(account), member, side::debit, std::move(amount), ""};
}

posting_line credit(std::string account, std::string amount, std::optional<member_id> member) {
  return posting_line{std::move(account), member, side::credit, std::move(amount), ""};
}

posting make_posting(group_id group, std::string date, std::vector<posting_line> lines, std::string key,
                     std::string memo) {
  posting p;
  p.group = group;
  p.date = day(date);
  p.memo = std::move(memo);
  p.lines = std::move(lines);
  p.idempotency_key = std::move(key);
  p.author = "tester";
  return p;
}

result<posted> post(store& s, const posting& p) {
  return run<posted>(s, [p](write_context& ctx) { return post_entry(ctx, p); });
}

result<posted> reverse(store& s, group_id group, entry_id original, std::string key,
                       std::optional<std::string> date) {
  reversal r;
  r.group = group;
  r.original = original;
  if (date) r.date = day(*date);
  r.idempotency_key = std::move(key);
  r.author = "tester";
  return run<posted>(s, [r](write_context& ctx) { return reverse_entry(ctx, r); });
}

result<period_info> close_through(store& s, group_id group, std::string through) {
  period_close p{group, day(through), period_kind::month, "tester"};
  return run<period_info>(s, [p](write_context& ctx) { return close_period(ctx, p); });
}

group_info make_group(store& s, std::string name, group_kind kind, std::string currency) {
  new_group g;
  g.name = std::move(name);
  g.kind = kind;
  g.currency = std::move(currency);
  auto r = run<group_info>(s, [g](write_context& ctx) { return create_group(ctx, g); });
  REQUIRE(r.has_value());
  return *r;
}

member_id make_member(store& s, group_id group, std::string name) {
  new_member m;
  m.group = group;
  m.name = std::move(name);
  auto r = run<member_info>(s, [m](write_context& ctx) { return add_member(ctx, m); });
  REQUIRE(r.has_value());
  return r->id;
}

namespace {

// One column as text that says its type, so 1, '1' and NULL never look alike.
void append_value(std::string& out, sqlite3_stmt* s, int column) {
  switch (sqlite3_column_type(s, column)) {
    case SQLITE_INTEGER: out += "i" + std::to_string(sqlite3_column_int64(s, column)); break;
    case SQLITE_FLOAT: {
      char buffer[40];
      std::snprintf(buffer, sizeof buffer, "f%.17g", sqlite3_column_double(s, column));
      out += buffer;
      break;
    }
    case SQLITE_TEXT: {
      auto size = static_cast<std::size_t>(sqlite3_column_bytes(s, column));
      out += "t" + std::to_string(size) + ":";
      out.append(reinterpret_cast<const char*>(sqlite3_column_text(s, column)), size);
      break;
    }
    case SQLITE_BLOB: {
      auto size = static_cast<std::size_t>(sqlite3_column_bytes(s, column));
      out += "b" + std::to_string(size) + ":";
      if (size > 0) out.append(static_cast<const char*>(sqlite3_column_blob(s, column)), size);
      break;
    }
    default: out += "n"; break;
  }
  out += '|';
}

}  // namespace

std::vector<std::string> table_checksums(const std::string& db_path) {
  sqlite::connection db(db_path, sqlite::open_mode::read_only);
  std::vector<std::string> tables;
  {
    sqlite::statement s(db.handle(),
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                        "ORDER BY name");
    while (s.step()) tables.push_back(s.column_text(0));
  }
  std::vector<std::string> out;
  for (const auto& table : tables) {
    // Table names come from sqlite_master, not from input; quoting keeps odd names working.
    sqlite::statement s(db.handle(), "SELECT * FROM \"" + table + "\"");
    int columns = sqlite3_column_count(s.handle());
    std::vector<std::string> rows;
    while (s.step()) {
      std::string row;
      for (int c = 0; c < columns; ++c) append_value(row, s.handle(), c);
      rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end());
    std::string all;
    for (const auto& r : rows) all += std::to_string(r.size()) + ":" + r + "\n";
    out.push_back(table + " rows=" + std::to_string(rows.size()) + " sha256=" + to_hex(sha256(all)));
  }
  return out;
}

std::vector<std::string> changed_tables(const std::vector<std::string>& before,
                                        const std::vector<std::string>& after) {
  auto name = [](const std::string& line) { return line.substr(0, line.find(' ')); };
  std::map<std::string, std::string> was;
  for (const auto& line : before) was[name(line)] = line;
  std::vector<std::string> out;
  for (const auto& line : after) {
    auto it = was.find(name(line));
    if (it == was.end() || it->second != line) out.push_back(line);
    if (it != was.end()) was.erase(it);
  }
  for (const auto& [table, line] : was) out.push_back(table + " (gone)");
  return out;
}

std::int64_t query_int(sqlite::connection& db, std::string_view sql,
                       const std::vector<std::variant<std::int64_t, std::string>>& params) {
  sqlite::statement s(db.handle(), sql);
  for (std::size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i + 1);
    if (auto* n = std::get_if<std::int64_t>(&params[i]))
      s.bind(index, *n);
    else
      s.bind(index, std::get<std::string>(params[i]));
  }
  if (!s.step()) throw std::runtime_error("no row from " + std::string(sql));
  return s.column_int(0);
}

store_options test_store_options(std::string path, bool synchronous_full) {
  store_options options;
  options.path = std::move(path);
  options.synchronous_full = synchronous_full;
  options.rehearse_batches = true;
  return options;
}

ledger::calendar_date day(std::string_view text) {
  auto d = ledger::calendar_date::parse(text);
  if (!d) throw std::invalid_argument("not a date: " + std::string(text));
  return *d;
}

std::int64_t balance_of(sqlite::connection& db, group_id group, const std::string& code) {
  auto a = find_account(db, group, code);
  REQUIRE(a.has_value());
  return a->balance.minor();
}

std::int64_t member_balance_of(sqlite::connection& db, group_id group, const std::string& code,
                               member_id member) {
  auto a = find_account(db, group, code);
  REQUIRE(a.has_value());
  for (const auto& m : member_balances(db, a->account))
    if (m.member == member) return m.balance.minor();
  return 0;
}

std::map<std::string, std::int64_t> all_balances(sqlite::connection& db, group_id group) {
  std::map<std::string, std::int64_t> out;
  for (const auto& a : list_accounts(db, group)) {
    if (!a.balance.is_zero()) out[a.account.code] = a.balance.minor();
    if (!a.account.member_ledger) continue;
    for (const auto& m : member_balances(db, a.account))
      out[a.account.code + "/" + std::to_string(m.member.value)] = m.balance.minor();
  }
  return out;
}

std::vector<std::string> as_text(const std::map<std::string, std::int64_t>& balances) {
  std::vector<std::string> out;
  for (const auto& [key, value] : balances) out.push_back(key + "=" + std::to_string(value));
  return out;
}

void check_chain(sqlite::connection& db, group_id group, std::int64_t expected_entries) {
  std::vector<entry_id> ids;
  {
    sqlite::statement s(db.handle(), "SELECT id FROM entries WHERE group_id = ? ORDER BY seq");
    s.bind(1, group.value);
    while (s.step()) ids.push_back(entry_id{s.column_int(0)});
  }
  CHECK(static_cast<std::int64_t>(ids.size()) == expected_entries);
  digest prev{};
  std::int64_t bad = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto e = load_entry(db, ids[i]);
    REQUIRE(e.has_value());
    // Count failures instead of asserting each, so a broken chain of thousands prints one line.
    if (e->seq != static_cast<std::int64_t>(i + 1) || e->prev_hash != to_hex(prev) ||
        e->hash != to_hex(entry_hash(prev, *e))) {
      if (bad++ == 0) {
        INFO("group " << group.value << " entry id " << e->id.value << " at position " << i + 1);
        CHECK(e->seq == static_cast<std::int64_t>(i + 1));
        CHECK(e->prev_hash == to_hex(prev));
        CHECK(e->hash == to_hex(entry_hash(prev, *e)));
      }
    }
    REQUIRE(from_hex(e->hash, prev));
  }
  CHECK(bad == 0);
}

ledger_fixture::ledger_fixture(bool synchronous_full) : path(dir.file("samaki.db")) {
  db = std::make_unique<store>(test_store_options(path, synchronous_full));
  savings = make_group(*db, "Phum Thmey savings group", group_kind::savings_group, "KHR");
  coop = make_group(*db, "Kampong Rice cooperative", group_kind::agri_cooperative, "KHR");
  task = make_group(*db, "Cashew committee", group_kind::joint_task, "USD");
  for (const char* name : {"Sok", "Dara", "Chenda"}) savers.push_back(make_member(*db, savings.id, name));
  for (const char* name : {"Vanna", "Sophea"}) coop_members.push_back(make_member(*db, coop.id, name));
  for (const char* name : {"Rith", "Bopha"}) task_members.push_back(make_member(*db, task.id, name));
}

posted ledger_fixture::must_post(const posting& p) {
  auto r = post(p);
  INFO("posting " << p.idempotency_key << ": " << (r ? std::string("ok") : r.error().message));
  REQUIRE(r.has_value());
  return *r;
}

}  // namespace samaki::test
