// Tampering: someone with the database file rewrites history behind the service's back. The hash chain,
// the recorded chain head and the running balances must each give it away, naming the entry.
#include "tests/unit/ledger/store/store_test_support.hpp"

#include "ledger/journal/hash_chain.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/seal.hpp"
#include "ledger/store/rows.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

// How a report answered about a seal, as text that prints in a failed CHECK.
std::string seal_answer(const chain_report& r) {
  if (!r.seal_ok) return "not asked";
  return *r.seal_ok ? "yes" : "no";
}

// Six entries in the savings group and two in the cooperative, then the store is shut down so the test
// owns the file like a tamperer would.
struct tamper_fixture {
  ledger_fixture f{false};  // durability is not what these tests are about; NORMAL sync keeps them quick
  std::vector<posted> savings_entries, coop_entries;

  tamper_fixture() {
    auto g = f.savings.id;
    for (int i = 0; i < 6; ++i) {
      auto m = f.savers[static_cast<std::size_t>(i) % f.savers.size()];
      auto amount = std::to_string(5000 * (i + 1));
      savings_entries.push_back(f.must_post(make_posting(
          g, "2026-05-0" + std::to_string(i + 1), {debit("1010", amount), credit("3010", amount, m)},
          "s" + std::to_string(i), "Meeting " + std::to_string(i))));
    }
    for (int i = 0; i < 2; ++i)
      coop_entries.push_back(f.must_post(make_posting(
          f.coop.id, "2026-05-01", {debit("1010", "100"), credit("4050", "100")}, "c" + std::to_string(i))));
  }

  std::int64_t id_of_seq(std::int64_t seq) const {
    return savings_entries[static_cast<std::size_t>(seq - 1)].entry.id.value;
  }

  // Opens the file directly, removes the append-only triggers and foreign keys as a tamperer would, and
  // runs `sql` with the entry id of `seq` bound as ?1 (when the SQL uses it).
  void tamper(const std::string& sql, std::int64_t seq = 0) {
    f.db.reset();
    sqlite::connection db(f.path, sqlite::open_mode::read_write_create);
    db.exec("PRAGMA foreign_keys = OFF");
    for (const char* t : {"entries_no_update", "entries_no_delete", "lines_no_update", "lines_no_delete"})
      db.exec(std::string("DROP TRIGGER IF EXISTS ") + t);
    auto stmt_begin = sql.begin();
    // Several statements separated by ';', each run with the same binding.
    while (stmt_begin != sql.end()) {
      auto stmt_end = std::find(stmt_begin, sql.end(), ';');
      std::string one(stmt_begin, stmt_end);
      if (one.find_first_not_of(" \n") != std::string::npos) {
        INFO("tamper: " << one);
        sqlite::statement s(db.handle(), one);
        if (sqlite3_bind_parameter_count(s.handle()) > 0) s.bind(1, seq ? id_of_seq(seq) : 0);
        s.run();
        REQUIRE(sqlite3_changes(db.handle()) > 0);  // a tamper that changed nothing would prove nothing
      }
      stmt_begin = stmt_end == sql.end() ? stmt_end : stmt_end + 1;
    }
  }

  chain_report chain(const std::optional<std::string>& seal = {}) {
    sqlite::connection db(f.path, sqlite::open_mode::read_only);
    return verify_chain(db, f.savings.id, seal);
  }

  std::vector<balance_problem> balances() {
    sqlite::connection db(f.path, sqlite::open_mode::read_only);
    return verify_balances(db);
  }

  // The untouched group must still verify: tampering is pinned on the group it happened in.
  void check_coop_untouched() {
    sqlite::connection db(f.path, sqlite::open_mode::read_only);
    auto report = verify_chain(db, f.coop.id);
    CHECK(report.ok);
    CHECK(report.entries == 2);
  }
};

}  // namespace

TEST_CASE("an untouched journal verifies", "[verify]") {
  tamper_fixture t;
  auto report = t.chain();
  CHECK(report.ok);
  CHECK(report.entries == 6);
  CHECK_FALSE(report.first_bad_seq.has_value());
  CHECK(report.head == t.savings_entries.back().entry.hash);
  CHECK(t.balances().empty());
  t.f.db.reset();
  sqlite::connection db(t.f.path, sqlite::open_mode::read_only);
  auto all = verify_all(db);
  CHECK(all.ok());
  CHECK(all.chains.size() == 3);
}

TEST_CASE("changing a line's amount is named by its seq", "[verify][tamper]") {
  tamper_fixture t;
  SECTION("one side only") {
    t.tamper("UPDATE lines SET debit = debit + 100 WHERE entry_id = ?1 AND debit > 0", 3);
  }
  SECTION("both sides, so the entry still balances") {
    t.tamper(
        "UPDATE lines SET debit = debit + 100 WHERE entry_id = ?1 AND debit > 0;"
        "UPDATE lines SET credit = credit + 100 WHERE entry_id = ?1 AND credit > 0",
        3);
  }
  SECTION("and the running balances to match, as a careful tamperer would") {
    t.tamper(
        "UPDATE lines SET debit = debit + 100 WHERE entry_id = ?1 AND debit > 0;"
        "UPDATE lines SET credit = credit + 100 WHERE entry_id = ?1 AND credit > 0;"
        "UPDATE balances SET balance = balance + 100 WHERE account_id = "
        "  (SELECT account_id FROM lines WHERE entry_id = ?1 AND debit > 0);"
        "UPDATE balances SET balance = balance - 100 WHERE (account_id, member_id) = "
        "  (SELECT account_id, member_id FROM lines WHERE entry_id = ?1 AND credit > 0)",
        3);
    CHECK(t.balances().empty());
  }
  auto report = t.chain();
  CHECK_FALSE(report.ok);
  CHECK(report.first_bad_seq.value_or(0) == 3);
  CHECK_FALSE(report.problem.empty());
  CHECK(report.entries == 6);
  t.check_coop_untouched();
}

TEST_CASE("changing a memo, a date or an author is named by its seq", "[verify][tamper]") {
  tamper_fixture t;
  std::int64_t seq = 0;
  SECTION("entry memo") {
    seq = 2;
    t.tamper("UPDATE entries SET memo = 'Meeting 1 (corrected)' WHERE id = ?1", seq);
  }
  SECTION("line memo") {
    seq = 4;
    t.tamper("UPDATE lines SET memo = 'paid in cash' WHERE entry_id = ?1 AND line_no = 1", seq);
  }
  SECTION("date") {
    seq = 5;
    t.tamper("UPDATE entries SET date = '2026-04-30' WHERE id = ?1", seq);
  }
  SECTION("author") {
    seq = 1;
    t.tamper("UPDATE entries SET created_by = 'someone else' WHERE id = ?1", seq);
  }
  SECTION("member on a line") {
    seq = 6;
    t.tamper("UPDATE lines SET member_id = (SELECT min(id) FROM members) WHERE entry_id = ?1 AND credit > 0",
             seq);
  }
  auto report = t.chain();
  CHECK_FALSE(report.ok);
  CHECK(report.first_bad_seq.value_or(0) == seq);
  t.check_coop_untouched();
}

TEST_CASE("deleting an entry is noticed", "[verify][tamper]") {
  tamper_fixture t;
  std::int64_t seq = 0;
  SECTION("in the middle") {
    seq = 3;
    t.tamper(
        "DELETE FROM lines WHERE entry_id = ?1; DELETE FROM idempotency_keys WHERE entry_id = ?1;"
        "DELETE FROM entries WHERE id = ?1",
        seq);
    CHECK(t.chain().entries == 5);
  }
  SECTION("the first") {
    seq = 1;
    t.tamper("DELETE FROM lines WHERE entry_id = ?1; DELETE FROM entries WHERE id = ?1", seq);
  }
  SECTION("the last, which leaves no gap: the recorded chain head gives it away") {
    seq = 6;
    t.tamper(
        "DELETE FROM lines WHERE entry_id = ?1; DELETE FROM idempotency_keys WHERE entry_id = ?1;"
        "DELETE FROM entries WHERE id = ?1",
        seq);
  }
  SECTION("the last two") {
    seq = 5;
    t.tamper("DELETE FROM lines WHERE entry_id IN (?1, ?1 + 1); DELETE FROM entries WHERE id IN (?1, ?1 + 1)",
             seq);
  }
  SECTION("in the middle, renumbering and relinking the rest is still caught by the hashes") {
    // Closing the gap changes the seq and prev_hash that the next entry's hash covers.
    seq = 3;
    REQUIRE(t.f.savings.id.value == 1);
    REQUIRE(t.id_of_seq(4) == t.id_of_seq(2) + 2);
    t.tamper(
        "DELETE FROM lines WHERE entry_id = ?1; DELETE FROM entries WHERE id = ?1;"
        "UPDATE entries SET seq = seq + 1000 WHERE group_id = 1 AND seq > 3;"
        "UPDATE entries SET seq = seq - 1001 WHERE seq > 1000;"
        "UPDATE entries SET prev_hash = (SELECT hash FROM entries WHERE id = ?1 - 1) WHERE id = ?1 + 1;"
        "UPDATE chain_heads SET seq = 5 WHERE group_id = 1",
        seq);
  }
  auto report = t.chain();
  CHECK_FALSE(report.ok);
  CHECK(report.first_bad_seq.value_or(0) == seq);
  CHECK_FALSE(report.problem.empty());
  t.check_coop_untouched();
}

// A line's account is hashed by its code and currency. Every group has a 1010 in KHR, so pointing a line
// at another group's 1010 (and recomputing the balances) keeps every hash: only a check that a line's
// account belongs to its entry's group can see the cash moved between groups.
TEST_CASE("moving a line onto another group's account of the same code is noticed", "[verify][tamper]") {
  tamper_fixture t;
  REQUIRE(t.f.savings.id.value == 1);
  REQUIRE(t.f.coop.id.value == 2);
  t.tamper(
      "UPDATE lines SET account_id = (SELECT id FROM accounts WHERE group_id = 2 AND code = '1010') "
      "WHERE entry_id = ?1 AND debit > 0;"
      "DELETE FROM balances;"
      "INSERT INTO balances SELECT account_id, coalesce(member_id, 0), sum(debit) - sum(credit) FROM lines "
      "GROUP BY 1, 2",
      3);
  sqlite::connection db(t.f.path, sqlite::open_mode::read_only);
  auto report = verify_chain(db, t.f.savings.id);
  CHECK_FALSE(report.ok);
  CHECK(report.first_bad_seq.value_or(0) == 3);
  CHECK_FALSE(verify_all(db).ok());
}

TEST_CASE("a recorded chain head that no longer matches is noticed", "[verify][tamper]") {
  tamper_fixture t;
  std::int64_t seq = 0;
  SECTION("head hash replaced") {
    seq = 6;
    t.tamper("UPDATE chain_heads SET hash = zeroblob(32) WHERE group_id = 1");
  }
  SECTION("head seq moved back") {
    seq = 5;
    t.tamper("UPDATE chain_heads SET seq = 5 WHERE group_id = 1");
  }
  SECTION("head removed") {
    seq = 1;
    t.tamper("DELETE FROM chain_heads WHERE group_id = 1");
  }
  REQUIRE(t.f.savings.id.value == 1);
  auto report = t.chain();
  CHECK_FALSE(report.ok);
  CHECK(report.first_bad_seq.value_or(0) == seq);
  t.check_coop_untouched();
}

TEST_CASE("a changed running balance is reported by verify_balances", "[verify][tamper]") {
  tamper_fixture t;
  auto g = t.f.savings.id;
  std::string account;
  std::int64_t member = 0, delta = 0;
  SECTION("cash") {
    account = "1010", delta = 100;
    t.tamper(
        "UPDATE balances SET balance = balance + 100 WHERE account_id = "
        "(SELECT id FROM accounts WHERE group_id = 1 AND code = '1010')");
  }
  SECTION("one member's shares") {
    account = "3010", member = t.f.savers[1].value, delta = -5;
    t.tamper("UPDATE balances SET balance = balance - 5 WHERE member_id = " + std::to_string(member));
  }
  SECTION("a balance row removed") {
    account = "3010", member = t.f.savers[0].value;
    t.tamper("DELETE FROM balances WHERE member_id = " + std::to_string(member));
  }
  SECTION("a balance row invented") {
    account = "4020", delta = 777;
    t.tamper(
        "INSERT INTO balances (account_id, member_id, balance) "
        "SELECT id, 0, 777 FROM accounts WHERE group_id = 1 AND code = '4020'");
  }
  REQUIRE(g.value == 1);  // the SQL above names the savings group by its id
  auto problems = t.balances();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].group == g);
  CHECK(problems[0].account == account);
  CHECK(problems[0].member == member);
  if (delta != 0)
    CHECK(problems[0].stored - problems[0].recomputed == delta);
  else
    CHECK(problems[0].stored == 0);
  // The chain itself is fine: balances are derived data, and say so separately.
  CHECK(t.chain().ok);
  sqlite::connection db(t.f.path, sqlite::open_mode::read_only);
  CHECK_FALSE(verify_all(db).ok());
}

TEST_CASE("a seal from a period close proves the chain still passes through it", "[verify][seal]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto empty_close = close_through(*f.db, g, "2026-01-31");
  REQUIRE(empty_close.has_value());
  std::vector<posted> entries;
  for (int i = 0; i < 3; ++i)
    entries.push_back(
        f.must_post(make_posting(g, "2026-02-1" + std::to_string(i),
                                 {debit("1010", "1000"), credit("4020", "1000")}, "f" + std::to_string(i))));
  auto sealed = close_through(*f.db, g, "2026-02-28");
  REQUIRE(sealed.has_value());
  CHECK(sealed->head == entries.back().entry.hash);
  CHECK(sealed->head_seq == 3);
  digest sealed_head{};
  REQUIRE(from_hex(sealed->head, sealed_head));
  CHECK(sealed->seal_code == seal_code(sealed_head));
  for (int i = 0; i < 2; ++i)
    f.must_post(make_posting(g, "2026-03-01", {debit("1010", "1000"), credit("4020", "1000")},
                             "m" + std::to_string(i)));

  // A made-up code: the real one with its last character changed.
  std::string made_up = sealed->seal_code;
  made_up.back() = made_up.back() == '7' ? '8' : '7';
  {
    auto r = f.reader();
    CHECK(seal_answer(verify_chain(r->db(), g, sealed->seal_code)) == "yes");
    CHECK(seal_answer(verify_chain(r->db(), g, empty_close->seal_code)) == "yes");
    CHECK(seal_answer(verify_chain(r->db(), g, made_up)) == "no");
    CHECK(seal_answer(verify_chain(r->db(), g, "")) == "no");
    CHECK(seal_answer(verify_chain(r->db(), g)) == "not asked");
    // A seal belongs to its group's chain.
    CHECK(seal_answer(verify_chain(r->db(), f.coop.id, sealed->seal_code)) == "no");
    auto periods = load_periods(r->db(), g);
    REQUIRE(periods.size() == 2);
    CHECK(periods[1].seal_code == sealed->seal_code);
  }

  SECTION("cutting the journal back past the seal, chain head and all, breaks the seal") {
    // Everything but the verifiable chain is rewritten consistently: only the seal in the minutes remains.
    auto cut = entries[1].entry;
    f.db.reset();
    sqlite::connection db(f.path, sqlite::open_mode::read_write_create);
    db.exec("PRAGMA foreign_keys = OFF");
    db.exec("DROP TRIGGER entries_no_delete; DROP TRIGGER lines_no_delete");
    db.exec("DELETE FROM lines WHERE entry_id IN (SELECT id FROM entries WHERE group_id = 1 AND seq > 2)");
    db.exec(
        "DELETE FROM idempotency_keys WHERE entry_id IN (SELECT id FROM entries WHERE group_id = 1 AND seq > "
        "2)");
    db.exec("DELETE FROM entries WHERE group_id = 1 AND seq > 2");
    db.exec("DELETE FROM periods WHERE group_id = 1 AND through = '2026-02-28'");
    db.exec("DELETE FROM balances WHERE account_id IN (SELECT id FROM accounts WHERE group_id = 1)");
    db.exec(
        "INSERT INTO balances SELECT l.account_id, coalesce(l.member_id, 0), sum(l.debit) - sum(l.credit) "
        "FROM lines l JOIN accounts a ON a.id = l.account_id WHERE a.group_id = 1 GROUP BY 1, 2");
    auto s = db.prepare("UPDATE chain_heads SET seq = 2, hash = ? WHERE group_id = 1");
    digest head{};
    REQUIRE(from_hex(cut.hash, head));
    s->bind_blob(1, head).run();
    REQUIRE(g.value == 1);

    auto plain = verify_chain(db, g);
    CHECK(plain.ok);  // without the seal the cut cannot be seen...
    CHECK(plain.entries == 2);
    CHECK(seal_answer(verify_chain(db, g, sealed->seal_code)) == "no");  // ...with it, it can
    CHECK(seal_answer(verify_chain(db, g, empty_close->seal_code)) == "yes");
  }
  SECTION("a seal does not vouch for a chain that fails") {
    f.db.reset();
    sqlite::connection db(f.path, sqlite::open_mode::read_write_create);
    db.exec("DROP TRIGGER entries_no_update");
    auto s = db.prepare("UPDATE entries SET memo = 'rewritten' WHERE id = ?");
    s->bind(1, entries[0].entry.id.value).run();
    auto report = verify_chain(db, g, sealed->seal_code);
    CHECK_FALSE(report.ok);
    CHECK(report.first_bad_seq.value_or(0) == 1);
    CHECK(seal_answer(report) == "no");
  }
}
