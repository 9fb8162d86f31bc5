#include "tests/reliability/ledger_checks.hpp"

#include "ledger/reports/verify.hpp"
#include "ledger/store/sqlite.hpp"

#include <boost/json/parse.hpp>

#include <map>

namespace samaki::reliability_test {
namespace {

using ledger::sqlite::connection;
using ledger::sqlite::open_mode;
using ledger::sqlite::statement;

// Keeps the list short: the first few of each kind of problem and how many there were.
class problem_list {
 public:
  void add(const std::string& kind, const std::string& example) {
    auto& n = counts_[kind];
    if (++n <= 3) examples_.push_back(kind + ": " + example);
  }
  std::vector<std::string> done() {
    for (const auto& [kind, n] : counts_)
      if (n > 3) examples_.push_back(kind + ": " + std::to_string(n) + " in all");
    return std::move(examples_);
  }

 private:
  std::map<std::string, int> counts_;
  std::vector<std::string> examples_;
};

std::vector<std::int64_t> ints(connection& db, std::string_view sql, std::int64_t a) {
  statement s(db.handle(), sql);
  s.bind(1, a);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.column_int(0));
  return out;
}

std::vector<std::int64_t> ints(connection& db, std::string_view sql, std::int64_t a, const std::string& b) {
  statement s(db.handle(), sql);
  s.bind(1, a).bind(2, b);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.column_int(0));
  return out;
}

std::string list(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (auto id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
  return out + "]";
}

}  // namespace

std::vector<std::string> missing_or_doubled(const std::filesystem::path& path,
                                            const std::vector<acknowledgement>& acknowledged) {
  connection db(path.string(), open_mode::read_only);
  db.exec("BEGIN");  // one snapshot for every question
  problem_list problems;
  using kind = acknowledgement::kind;
  for (const auto& a : acknowledged) {
    const auto where = "group " + std::to_string(a.group) + " key " + a.key;
    if (a.what == kind::entry) {
      auto ids =
          ints(db, "SELECT entry_id FROM idempotency_keys WHERE group_id = ? AND key = ?", a.group, a.key);
      if (ids != std::vector<std::int64_t>{a.id})
        problems.add("acknowledged entry not there exactly once", where + " has " + list(ids));
      continue;
    }
    auto ops =
        ints(db, "SELECT id FROM operations WHERE group_id = ? AND idempotency_key = ?", a.group, a.key);
    if (ops.size() != 1) {
      problems.add("acknowledged operation not there exactly once", where + " has " + list(ops));
      continue;
    }
    if (a.what == kind::cycle) {
      auto cycles = ints(db, "SELECT id FROM cycles WHERE operation_id = ?", ops[0]);
      if (cycles != std::vector<std::int64_t>{a.id})
        problems.add("acknowledged cycle not made exactly once", where + " made " + list(cycles));
      continue;
    }
    if (ops[0] != a.id) problems.add("acknowledged operation under another id", where);
    auto entries =
        ints(db, "SELECT entry_id FROM operation_entries WHERE operation_id = ? ORDER BY position", a.id);
    if (entries != a.entries)
      problems.add("acknowledged operation without all its entries",
                   where + " acknowledged " + list(a.entries) + ", holds " + list(entries));
  }
  db.exec("COMMIT");
  return problems.done();
}

std::vector<std::string> integrity_problems(const std::filesystem::path& path) {
  problem_list problems;
  {
    connection db(path.string(), open_mode::read_only);
    db.exec("BEGIN");
    const std::pair<const char*, const char*> checks[] = {
        {"entry with fewer than two lines",
         "SELECT count(*) FROM entries e WHERE (SELECT count(*) FROM lines l WHERE l.entry_id = e.id) < 2"},
        {"unbalanced entry",
         "SELECT count(*) FROM (SELECT l.entry_id FROM lines l JOIN accounts a ON a.id = l.account_id "
         "GROUP BY l.entry_id, a.currency HAVING sum(l.debit) <> sum(l.credit))"},
        {"line without its entry",
         "SELECT count(*) FROM lines WHERE entry_id NOT IN (SELECT id FROM entries)"},
        {"operation entry that does not exist",
         "SELECT count(*) FROM operation_entries WHERE entry_id NOT IN (SELECT id FROM entries)"},
        {"posting key without its entry",
         "SELECT count(*) FROM idempotency_keys WHERE entry_id NOT IN (SELECT id FROM entries)"},
        // The trial balance of each group, per currency, from the running balances.
        {"group whose trial balance is not zero",
         "SELECT count(*) FROM (SELECT a.group_id, a.currency FROM balances b JOIN accounts a ON a.id = "
         "b.account_id "
         "GROUP BY a.group_id, a.currency HAVING sum(b.balance) <> 0)"},
        {"cycle of an operation that is not there",
         "SELECT count(*) FROM cycles WHERE operation_id NOT IN (SELECT id FROM operations)"},
        {"loan of an operation that is not there",
         "SELECT count(*) FROM loans WHERE operation_id NOT IN (SELECT id FROM operations)"},
    };
    for (const auto& [what, sql] : checks)
      if (auto n = db.query_int(sql); n != 0) problems.add(what, std::to_string(n));
    // Every operation holds exactly the entries its stored answer named: none half recorded.
    statement s(db.handle(), "SELECT id, response FROM operations WHERE response <> ''");
    while (s.step()) {
      const auto id = s.column_int(0);
      boost::system::error_code ec;
      auto answer = boost::json::parse(s.column_text(1), ec);
      if (ec || !answer.is_object()) {
        problems.add("operation whose stored answer is not JSON", std::to_string(id));
        continue;
      }
      std::vector<std::int64_t> named;
      if (const auto* entries = answer.as_object().if_contains("entries"); entries && entries->is_array())
        for (const auto& e : entries->as_array()) named.push_back(e.at("id").as_int64());
      auto held =
          ints(db, "SELECT entry_id FROM operation_entries WHERE operation_id = ? ORDER BY position", id);
      if (held != named)
        problems.add("operation whose entries differ from its answer",
                     std::to_string(id) + " named " + list(named) + ", holds " + list(held));
    }
    db.exec("COMMIT");
  }
  connection db(path.string(), open_mode::read_only);
  auto report = ledger::verify_all(db);
  for (const auto& c : report.chains)
    if (!c.ok) problems.add("verify fails", "group " + std::to_string(c.group.value) + ": " + c.problem);
  for (const auto& b : report.balances)
    problems.add("running balance differs from the lines",
                 "group " + std::to_string(b.group.value) + " account " + b.account);
  return problems.done();
}

std::vector<std::string> api_problems(api_test::api_client& admin, const std::vector<std::int64_t>& groups) {
  problem_list problems;
  for (auto g : groups) {
    const auto base = "/api/v1/groups/" + std::to_string(g);
    auto trial = admin.get(base + "/reports/trial-balance");
    if (trial.status != 200) {
      problems.add("trial balance not answered", base + ": " + std::to_string(trial.status));
      continue;
    }
    for (const auto& c : trial.json.at("currencies").as_array())
      if (c.at("total_debit") != c.at("total_credit"))
        problems.add("trial balance not zero", base + " " + std::string(c.at("currency").as_string()));
    auto verify = admin.get(base + "/verify");
    if (verify.status != 200 || !verify.json.at("ok").as_bool())
      problems.add("GET verify fails", base + ": " + verify.raw.body);
  }
  return problems.done();
}

}  // namespace samaki::reliability_test
