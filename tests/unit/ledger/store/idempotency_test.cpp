// Idempotency keys: a retried request is answered with the entry it made, never posted twice, even when
// the retries race; a key reused for another request is refused; keys belong to one group.
#include "tests/unit/ledger/store/store_test_support.hpp"

#include "ledger/journal/posting.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/store/queries.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <latch>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

std::int64_t entry_count(ledger_fixture& f, group_id g) {
  auto r = f.reader();
  return query_int(r->db(), "SELECT count(*) FROM entries WHERE group_id = ?", {g.value});
}

// Runs `request(i)` on `threads` threads released at the same moment, and gathers the answers.
std::vector<result<posted>> race(ledger_fixture& f, int threads, const std::function<posting(int)>& request) {
  std::vector<std::optional<result<posted>>> answers(static_cast<std::size_t>(threads));
  std::latch start(threads);
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) {
    pool.emplace_back([&, i] {
      auto p = request(i);
      start.arrive_and_wait();
      answers[static_cast<std::size_t>(i)].emplace(post(*f.db, p));
    });
  }
  for (auto& t : pool) t.join();
  std::vector<result<posted>> out;
  for (auto& a : answers) out.push_back(std::move(*a));
  return out;
}

}  // namespace

TEST_CASE("racing retries of one request make exactly one entry", "[idempotency][concurrency]") {
  ledger_fixture f;
  auto g = f.savings.id;
  std::atomic<std::size_t> largest_batch{0};
  f.db->on_batch([&](const batch_report& b) {
    if (b.size > largest_batch) largest_batch = b.size;  // only the writer thread writes it
  });
  constexpr int threads = 24;
  std::int64_t expected_entries = 0;
  for (int round = 0; round < 8; ++round) {
    INFO("round " << round);
    std::string key = "meeting-12-sok-" + std::to_string(round);
    auto answers = race(f, threads, [&](int) {
      return make_posting(g, "2026-02-0" + std::to_string(1 + round),
                          {debit("1010", "25000"), credit("3010", "25000", f.savers[0])}, key, "Meeting 12");
    });
    ++expected_entries;
    int fresh = 0;
    std::set<std::int64_t> ids;
    const entry* first = nullptr;
    for (const auto& a : answers) {
      REQUIRE(code_of(a) == "ok");
      ids.insert(a->entry.id.value);
      if (!a->replayed) {
        ++fresh;
        first = &a->entry;
      }
    }
    CHECK(fresh == 1);
    CHECK(ids.size() == 1);
    REQUIRE(first != nullptr);
    // A replay answers with the stored entry: the same seq, hash and lines as the first answer.
    for (const auto& a : answers) {
      CHECK(a->entry.seq == first->seq);
      CHECK(a->entry.hash == first->hash);
      CHECK(a->entry.created_at == first->created_at);
      CHECK(a->entry.lines.size() == first->lines.size());
    }
    CHECK(first->seq == expected_entries);
    CHECK(entry_count(f, g) == expected_entries);
  }
  // Retries shared a transaction with the first of them at least once: the replay saw an uncommitted entry.
  CHECK(largest_batch.load() > 1);
  auto r = f.reader();
  CHECK(member_balance_of(r->db(), g, "3010", f.savers[0]) == 2500000 * expected_entries);
  CHECK(verify_all(r->db()).ok());
}

TEST_CASE("racing different requests under one key: one wins, the rest conflict",
          "[idempotency][concurrency]") {
  ledger_fixture f;
  auto g = f.savings.id;
  constexpr int threads = 16;
  auto answers = race(f, threads, [&](int i) {
    auto amount = std::to_string(1000 + i);
    return make_posting(g, "2026-02-01", {debit("1010", amount), credit("4020", amount)}, "shared-key");
  });
  int won = 0, conflicts = 0;
  for (const auto& a : answers) {
    if (a.has_value()) {
      ++won;
      CHECK_FALSE(a->replayed);
    } else if (a.error().code == errc::idempotency_conflict) {
      ++conflicts;
    }
  }
  CHECK(won == 1);
  CHECK(conflicts == threads - 1);
  CHECK(entry_count(f, g) == 1);
}

TEST_CASE("the same key with a different request is an idempotency_conflict", "[idempotency]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto sok = f.savers[0];
  auto original =
      make_posting(g, "2026-02-01", {debit("1010", "5000"), credit("3010", "5000", sok)}, "k", "shares");
  auto first = f.must_post(original);
  CHECK_FALSE(first.replayed);

  auto again = f.post(original);
  REQUIRE(code_of(again) == "ok");
  CHECK(again->replayed);
  CHECK(again->entry.id == first.entry.id);

  std::vector<std::pair<std::string, posting>> variants;
  auto add = [&](std::string name, auto change) {
    auto p = original;
    change(p);
    variants.emplace_back(std::move(name), std::move(p));
  };
  add("amount", [](posting& p) { p.lines[0].amount = p.lines[1].amount = "5001"; });
  add("amount written differently", [](posting& p) { p.lines[0].amount = p.lines[1].amount = "5000.00"; });
  add("memo", [](posting& p) { p.memo = "shares!"; });
  add("date", [](posting& p) { p.date = day("2026-02-02"); });
  add("member", [&](posting& p) { p.lines[1].member = f.savers[1]; });
  add("line memo", [](posting& p) { p.lines[0].memo = "cash"; });
  add("line order", [](posting& p) { std::swap(p.lines[0], p.lines[1]); });
  add("an expectation", [](posting& p) { p.expect = {{"1010", std::nullopt, "5000"}}; });
  add("a third line", [](posting& p) {
    p.lines[0].amount = "5100";
    p.lines.push_back(credit("4020", "100"));
  });
  for (const auto& [name, p] : variants) {
    INFO("changed: " << name);
    auto before = f.checksums();
    auto r = f.post(p);
    CHECK(code_of(r) == name_of(errc::idempotency_conflict));
    CHECK(f.changed_since(before) == no_tables);
  }
  // A reversal cannot borrow a posting's key either.
  auto before = f.checksums();
  CHECK(code_of(reverse(*f.db, g, first.entry.id, "k", std::string("2026-02-03"))) ==
        name_of(errc::idempotency_conflict));
  CHECK(f.changed_since(before) == no_tables);
  CHECK(entry_count(f, g) == 1);
}

TEST_CASE("a refused request does not use up its key", "[idempotency]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto bad = make_posting(g, "2026-02-01", {debit("1010", "5000"), credit("4020", "4000")}, "retry-me");
  CHECK(code_of(f.post(bad)) == name_of(errc::unbalanced_entry));
  // The same broken request again is refused again, not "replayed".
  CHECK(code_of(f.post(bad)) == name_of(errc::unbalanced_entry));
  bad.lines[1].amount = "5000";
  auto fixed = f.post(bad);
  REQUIRE(code_of(fixed) == "ok");
  CHECK_FALSE(fixed->replayed);
  CHECK(fixed->entry.seq == 1);
}

TEST_CASE("idempotency keys are scoped per group", "[idempotency]") {
  ledger_fixture f;
  auto in_savings = f.must_post(
      make_posting(f.savings.id, "2026-02-01", {debit("1010", "100"), credit("4020", "100")}, "same-key"));
  // The same key, even the same lines, in another group is another entry.
  auto in_coop = f.must_post(
      make_posting(f.coop.id, "2026-02-01", {debit("1010", "100"), credit("4050", "100")}, "same-key"));
  CHECK_FALSE(in_savings.replayed);
  CHECK_FALSE(in_coop.replayed);
  CHECK(in_savings.entry.id != in_coop.entry.id);
  CHECK(in_coop.entry.group == f.coop.id);
  CHECK(in_coop.entry.seq == 1);
  // Each replays in its own group.
  auto again = f.post(
      make_posting(f.coop.id, "2026-02-01", {debit("1010", "100"), credit("4050", "100")}, "same-key"));
  REQUIRE(code_of(again) == "ok");
  CHECK(again->replayed);
  CHECK(again->entry.id == in_coop.entry.id);
  auto r = f.reader();
  CHECK(query_int(r->db(), "SELECT count(*) FROM idempotency_keys WHERE key = 'same-key'") == 2);
}

TEST_CASE("a retry is still answered after its period closed", "[idempotency][periods]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto p = make_posting(g, "2026-01-20", {debit("1010", "700"), credit("4020", "700")}, "late-retry");
  auto first = f.must_post(p);
  REQUIRE(close_through(*f.db, g, "2026-01-31").has_value());

  auto before = f.checksums();
  auto retry = f.post(p);
  REQUIRE(code_of(retry) == "ok");
  CHECK(retry->replayed);
  CHECK(retry->entry.id == first.entry.id);
  CHECK(retry->entry.hash == first.entry.hash);
  // A new key for the same request is a new entry, and that period is closed.
  auto fresh = p;
  fresh.idempotency_key = "late-new";
  CHECK(code_of(f.post(fresh)) == name_of(errc::period_closed));
  CHECK(f.changed_since(before) == no_tables);
}

TEST_CASE("a reversal under the same key is answered once", "[idempotency][reversal]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto e = f.must_post(make_posting(g, "2026-02-01", {debit("1010", "300"), credit("4020", "300")}, "fine"));
  auto first = reverse(*f.db, g, e.entry.id, "undo-fine", std::string("2026-02-02"));
  REQUIRE(code_of(first) == "ok");
  CHECK_FALSE(first->replayed);
  auto again = reverse(*f.db, g, e.entry.id, "undo-fine", std::string("2026-02-02"));
  REQUIRE(code_of(again) == "ok");
  CHECK(again->replayed);
  CHECK(again->entry.id == first->entry.id);
  // The same key asking for another date is a different request.
  CHECK(code_of(reverse(*f.db, g, e.entry.id, "undo-fine", std::string("2026-02-03"))) ==
        name_of(errc::idempotency_conflict));
  CHECK(entry_count(f, g) == 2);
}

// The request fingerprint must tell different requests apart. Account codes are free text until they are
// looked up, so a code holding the separators of the fingerprint must not pass for other lines.
TEST_CASE("a request crafted to share another's fingerprint is a conflict, not a replay", "[idempotency]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto sok = f.savers[0];
  auto honest = make_posting(g, "2026-02-01",
                             {debit("1010", "6"), credit("3010", "5", sok), credit("4020", "1")}, "fp");
  auto first = f.must_post(honest);
  // Two lines whose first "account" spells out the honest request's first line and half of its second.
  auto crafted =
      make_posting(g, "2026-02-01", {credit("1010|0|D|6|0:\n3010", "5", sok), credit("4020", "1")}, "fp");
  auto r = f.post(crafted);
  CHECK(code_of(r) == name_of(errc::idempotency_conflict));
}

TEST_CASE("a reversal with a date is not a retry of one without a date", "[idempotency][reversal]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto e = f.must_post(make_posting(g, "2026-02-01", {debit("1010", "300"), credit("4020", "300")}, "fine"));
  auto first = reverse(*f.db, g, e.entry.id, "undo");
  REQUIRE(code_of(first) == "ok");
  auto odd = reverse(*f.db, g, e.entry.id, "undo", std::string("2026-02-02"));
  CHECK(code_of(odd) != "ok");
}
