// Posting and reversing through the store: every rule of api.md's Journal section, each rejection shown to
// write nothing, and what a good entry leaves behind (seq, hash link, running balances).
#include "tests/unit/ledger/store/store_test_support.hpp"

#include "ledger/journal/hash_chain.hpp"
#include "ledger/journal/posting.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/rows.hpp"

#include <catch2/catch.hpp>

#include <future>
#include <limits>
#include <map>
#include <string>
#include <vector>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

// One request that must be refused, with the code it must be refused with.
struct refused_case {
  std::string name;
  posting request;
  errc code;
  std::string message;  // when not empty, the exact message expected
};

void check_refused(ledger_fixture& f, const refused_case& c) {
  INFO("case: " << c.name);
  auto before = f.checksums();
  auto r = f.post(c.request);
  CHECK(code_of(r) == name_of(c.code));
  if (r.has_error() && !c.message.empty()) CHECK(r.error().message == c.message);
  // A refused posting writes nothing: no entry, line, balance or idempotency key.
  CHECK(f.changed_since(before) == no_tables);
}

constexpr const char* max_khr = "92233720368547758.07";  // INT64_MAX minor units of a 2-digit currency

}  // namespace

TEST_CASE("posting refuses malformed and rule-breaking entries and writes nothing", "[posting]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto sok = f.savers[0];
  auto vanna = f.coop_members[0];
  f.must_post(make_posting(g, "2026-01-10", {debit("1010", "50000"), credit("3010", "50000", sok)}, "seed"));

  auto vnd = make_group(*f.db, "Dong savings", group_kind::savings_group, "VND");
  auto vnd_member = make_member(*f.db, vnd.id, "Lan");

  std::vector<refused_case> cases = {
      {"no lines", make_posting(g, "2026-01-11", {}, "k1"), errc::too_few_lines, ""},
      {"one line", make_posting(g, "2026-01-11", {debit("1010", "5000")}, "k2"), errc::too_few_lines, ""},
      {"zero amount", make_posting(g, "2026-01-11", {debit("1010", "0"), credit("4020", "0")}, "k3"),
       errc::invalid_amount, ""},
      {"zero amount with a point",
       make_posting(g, "2026-01-11", {debit("1010", "0.00"), credit("4020", "0.00")}, "k3b"),
       errc::invalid_amount, ""},
      {"negative amount",
       make_posting(g, "2026-01-11", {debit("1010", "-500"), credit("4020", "-500")}, "k4"),
       errc::invalid_amount, ""},
      {"empty amount", make_posting(g, "2026-01-11", {debit("1010", ""), credit("4020", "500")}, "k4b"),
       errc::invalid_amount, ""},
      {"unknown account", make_posting(g, "2026-01-11", {debit("1010", "500"), credit("9999", "500")}, "k5"),
       errc::unknown_account, ""},
      {"cooperative-only account in a savings group",
       make_posting(g, "2026-01-11", {debit("1011", "500"), credit("4020", "500")}, "k5b"),
       errc::unknown_account, ""},
      {"member missing on a member ledger",
       make_posting(g, "2026-01-11", {debit("1010", "500"), credit("3010", "500")}, "k6"),
       errc::member_required, ""},
      {"member of another group",
       make_posting(g, "2026-01-11", {debit("1010", "500"), credit("3010", "500", vanna)}, "k8"),
       errc::unknown_member, ""},
      {"member that does not exist",
       make_posting(g, "2026-01-11", {debit("1010", "500"), credit("3010", "500", member_id{999999})}, "k9"),
       errc::unknown_member, ""},
      {"unbalanced",
       make_posting(g, "2026-01-11", {debit("1010", "5000"), credit("3010", "4000", sok)}, "k10"),
       errc::unbalanced_entry, "debits 5000.00 KHR != credits 4000.00 KHR"},
      {"unbalanced by one minor unit",
       make_posting(g, "2026-01-11", {debit("1010", "5000.01"), credit("3010", "5000", sok)}, "k11"),
       errc::unbalanced_entry, "debits 5000.01 KHR != credits 5000.00 KHR"},
      {"too many fraction digits",
       make_posting(g, "2026-01-11", {debit("1010", "10.123"), credit("4020", "10.123")}, "k12"),
       errc::invalid_amount, ""},
      {"more fraction digits than VND allows",
       make_posting(vnd.id, "2026-01-11", {debit("1010", "100.5"), credit("3010", "100.5", vnd_member)},
                    "k13"),
       errc::invalid_amount, ""},
      {"amount beyond 64 bits",
       make_posting(g, "2026-01-11",
                    {debit("1010", "92233720368547758.08"), credit("4020", "92233720368547758.08")}, "k14"),
       errc::invalid_amount, ""},
      {"a date more than a day after today",
       make_posting(g, "2099-01-01", {debit("1010", "500"), credit("4020", "500")}, "k15"),
       errc::date_in_future, ""},
      {"unknown group",
       make_posting(group_id{424242}, "2026-01-11", {debit("1010", "500"), credit("4020", "500")}, "k17"),
       errc::not_found, ""},
      {"memo too long",
       make_posting(g, "2026-01-11", {debit("1010", "500"), credit("4020", "500")}, "k18",
                    std::string(1001, 'x')),
       errc::bad_request, ""},
      {"key too long",
       make_posting(g, "2026-01-11", {debit("1010", "500"), credit("4020", "500")}, std::string(256, 'k')),
       errc::bad_request, ""},
  };
  for (const auto& c : cases) check_refused(f, c);

  // The writer's caches were not disturbed either: the next good entry is seq 2 and everything verifies.
  auto next =
      f.must_post(make_posting(g, "2026-01-12", {debit("1010", "700"), credit("4020", "700")}, "after"));
  CHECK(next.entry.seq == 2);
  auto r = f.reader();
  CHECK(balance_of(r->db(), g, "1010") == 5070000);
  CHECK(verify_all(r->db()).ok());
  for (const auto& c : cases)
    if (!c.request.idempotency_key.empty())
      CHECK(query_int(r->db(), "SELECT count(*) FROM idempotency_keys WHERE key = ?",
                      {c.request.idempotency_key}) == 0);
}

TEST_CASE("each currency must balance on its own", "[posting][currency]") {
  ledger_fixture f;
  auto c = f.coop.id;
  f.must_post(make_posting(
      c, "2026-01-10", {debit("1010", "400000"), credit("3010", "400000", f.coop_members[0])}, "capital"));

  // 10 KHR against 10 USD: equal numbers, but neither currency balances.
  check_refused(f, {"balanced only overall",
                    make_posting(c, "2026-01-11", {debit("1011", "10"), credit("1010", "10")}, "mixed"),
                    errc::unbalanced_entry, "debits 0.00 KHR != credits 10.00 KHR"});
  // Debits equal credits over the four lines (15 = 15), yet each currency is off by 5.
  check_refused(
      f, {"exchange with uneven legs",
          make_posting(c, "2026-01-11",
                       {debit("1011", "10"), credit("3901", "5"), debit("3900", "5"), credit("1010", "10")},
                       "mixed2"),
          errc::unbalanced_entry, "debits 5.00 KHR != credits 10.00 KHR"});

  // A two-currency exchange balanced in each currency is accepted.
  {
    // charts.md: Dr 1011 (USD) / Cr 3901 (USD) and Dr 3900 / Cr 1010 (KHR), one entry.
    auto p = make_posting(
        c, "2026-01-11",
        {debit("1011", "10.00"), credit("3901", "10.00"), debit("3900", "41000"), credit("1010", "41000")},
        "exchange", "Bought USD 10 at 4100");
    auto e = f.must_post(p).entry;
    REQUIRE(e.lines.size() == 4);
    CHECK(e.lines[0].amount.currency_code() == "USD");
    CHECK(e.lines[1].amount.currency_code() == "USD");
    CHECK(e.lines[2].amount.currency_code() == "KHR");
    CHECK(e.lines[3].amount.currency_code() == "KHR");
    CHECK(e.lines[0].amount.minor() == 1000);
    CHECK(e.lines[2].amount.minor() == 4100000);

    auto r = f.reader();
    CHECK(balance_of(r->db(), c, "1011") == 1000);
    CHECK(balance_of(r->db(), c, "3901") == 1000);
    CHECK(balance_of(r->db(), c, "1010") == 40000000 - 4100000);
    CHECK(balance_of(r->db(), c, "3900") == -4100000);
    auto tb = trial_balance(r->db(), c, std::nullopt);
    REQUIRE(tb.size() == 2);
    for (const auto& cur : tb) {
      INFO("currency " << cur.currency.code());
      CHECK(cur.total_debit == cur.total_credit);
    }
    CHECK(tb[0].currency.code() == "KHR");
    CHECK(tb[0].total_debit.minor() == 40000000);
    CHECK(tb[1].currency.code() == "USD");
    CHECK(tb[1].total_debit.minor() == 1000);
    CHECK(verify_all(r->db()).ok());
  }
}

TEST_CASE("a closed period refuses entries dated on or before it", "[posting][periods]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto sok = f.savers[0];
  f.must_post(make_posting(g, "2026-01-15", {debit("1010", "5000"), credit("3010", "5000", sok)}, "jan"));
  auto closed = close_through(*f.db, g, "2026-01-31");
  REQUIRE(closed.has_value());
  CHECK(closed->head_seq == 1);
  CHECK(closed->seal_code.size() == 12);

  for (const char* date : {"2026-01-31", "2026-01-01", "2025-12-31"}) {
    check_refused(
        f, {std::string("dated ") + date,
            make_posting(g, date, {debit("1010", "100"), credit("4020", "100")}, std::string("late-") + date),
            errc::period_closed, ""});
  }
  // Other groups keep their own periods.
  f.must_post(
      make_posting(f.coop.id, "2026-01-20", {debit("1010", "100"), credit("4050", "100")}, "coop-jan"));
  auto feb = f.must_post(make_posting(g, "2026-02-01", {debit("1010", "100"), credit("4020", "100")}, "feb"));
  CHECK(feb.entry.seq == 2);

  // A close may only move forward.
  auto earlier = close_through(*f.db, g, "2026-01-20");
  CHECK(code_of(earlier) == name_of(errc::period_closed));
  auto r = f.reader();
  CHECK(load_periods(r->db(), g).size() == 1);
}

TEST_CASE("balance assertions hold the entry to the balances it promises", "[posting][expect]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto sok = f.savers[0];
  f.must_post(make_posting(g, "2026-01-10", {debit("1010", "50000"), credit("3010", "50000", sok)}, "seed"));

  auto p =
      make_posting(g, "2026-01-11", {debit("1010", "25000"), credit("3010", "25000", sok)}, "with-expect");
  // Balances after the entry, in each account's natural sign (equity shows credits as positive).
  p.expect = {{"1010", std::nullopt, "75000"}, {"3010", sok, "75000.00"}, {"4020", std::nullopt, "0"}};
  auto ok = f.post(p);
  CHECK(code_of(ok) == "ok");

  auto wrong = make_posting(g, "2026-01-12", {debit("1010", "1000"), credit("4020", "1000")}, "wrong-expect");
  wrong.expect = {{"1010", std::nullopt, "75000"}};  // the balance before, not after
  check_refused(f, {"expected balance off", wrong, errc::balance_assertion_failed,
                    "account 1010 would be 76000.00 KHR, expected 75000.00 KHR"});

  auto member_wrong =
      make_posting(g, "2026-01-12", {debit("1010", "1000"), credit("3010", "1000", sok)}, "wrong-m");
  member_wrong.expect = {{"3010", sok, "-76000"}};  // the raw debit-minus-credit sign is not what we show
  check_refused(f, {"member balance in the wrong sign", member_wrong, errc::balance_assertion_failed, ""});

  auto other_member =
      make_posting(g, "2026-01-12", {debit("1010", "1000"), credit("3010", "1000", sok)}, "wrong-m2");
  other_member.expect = {{"3010", f.savers[1], "76000"}};
  check_refused(f, {"another member's balance", other_member, errc::balance_assertion_failed, ""});

  auto unknown = make_posting(g, "2026-01-12", {debit("1010", "1000"), credit("4020", "1000")}, "wrong-acct");
  unknown.expect = {{"7777", std::nullopt, "0"}};
  check_refused(f, {"expectation on an unknown account", unknown, errc::unknown_account, ""});

  auto r = f.reader();
  CHECK(balance_of(r->db(), g, "1010") == 7500000);
  CHECK(member_balance_of(r->db(), g, "3010", sok) == 7500000);
}

TEST_CASE("a balance that would overflow 64 bits is refused", "[posting][overflow]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto sok = f.savers[0];
  constexpr auto int64_max = std::numeric_limits<std::int64_t>::max();
  f.must_post(make_posting(g, "2026-01-10", {debit("1010", max_khr), credit("3010", max_khr, sok)}, "huge"));
  {
    auto r = f.reader();
    CHECK(balance_of(r->db(), g, "1010") == int64_max);
    CHECK(member_balance_of(r->db(), g, "3010", sok) == int64_max);
  }
  check_refused(f, {"one more riel of cash",
                    make_posting(g, "2026-01-11", {debit("1010", "0.01"), credit("4020", "0.01")}, "over"),
                    errc::invalid_amount, ""});
  // The member's raw balance is -INT64_MAX; two more minor units of credit pass INT64_MIN.
  check_refused(
      f, {"more member shares than 64 bits hold",
          make_posting(g, "2026-01-11", {debit("1020", "0.02"), credit("3010", "0.02", sok)}, "over-m"),
          errc::invalid_amount, ""});
  // The sum of one side of a single entry overflowing is caught before any balance is touched.
  check_refused(f, {"debit total beyond 64 bits",
                    make_posting(g, "2026-01-11",
                                 {debit("1020", max_khr), debit("1030", max_khr), credit("3020", max_khr),
                                  credit("3030", max_khr)},
                                 "over-sum"),
                    errc::invalid_amount, ""});
  // Moving away from the limit is fine.
  auto back = f.must_post(
      make_posting(g, "2026-01-12", {debit("3010", "0.01", sok), credit("1010", "0.01")}, "back"));
  CHECK(back.entry.seq == 2);
  auto r = f.reader();
  CHECK(balance_of(r->db(), g, "1010") == int64_max - 1);
  CHECK(verify_all(r->db()).ok());
}

TEST_CASE("seqs start at 1 per group, link by hash and keep running balances", "[posting][chain]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto c = f.coop.id;
  std::map<std::string, std::int64_t> want_savings, want_coop;  // natural sign, minor units
  std::vector<posted> savings_entries, coop_entries;
  for (int i = 0; i < 12; ++i) {
    auto m = f.savers[static_cast<std::size_t>(i) % f.savers.size()];
    std::string amount = std::to_string(1000 * (i + 1));
    auto s = f.must_post(make_posting(g, "2026-03-0" + std::to_string(1 + i % 9),
                                      {debit("1010", amount), credit("3010", amount, m)},
                                      "s" + std::to_string(i)));
    want_savings["1010"] += 100000 * (i + 1);
    want_savings["3010"] += 100000 * (i + 1);
    want_savings["3010/" + std::to_string(m.value)] += 100000 * (i + 1);
    savings_entries.push_back(s);
    if (i % 3 == 0) {
      // A loan out of the box: cash down, the member's loan up.
      auto loan = f.must_post(make_posting(g, "2026-03-10", {debit("1100", "500", m), credit("1010", "500")},
                                           "loan" + std::to_string(i)));
      want_savings["1010"] -= 50000;
      want_savings["1100"] += 50000;
      want_savings["1100/" + std::to_string(m.value)] += 50000;
      savings_entries.push_back(loan);
    }
    if (i % 2 == 0) {
      auto cm = f.coop_members[static_cast<std::size_t>(i / 2) % f.coop_members.size()];
      auto e = f.must_post(make_posting(c, "2026-03-05", {debit("1110", "250", cm), credit("4010", "250")},
                                        "c" + std::to_string(i)));
      want_coop["1110"] += 25000;
      want_coop["1110/" + std::to_string(cm.value)] += 25000;
      want_coop["4010"] += 25000;
      coop_entries.push_back(e);
    }
  }
  // Each group counts from 1 with no gaps, whatever the other group does.
  for (const auto* list : {&savings_entries, &coop_entries}) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto& e = (*list)[i].entry;
      CHECK(e.seq == static_cast<std::int64_t>(i + 1));
      CHECK(e.prev_hash == (i == 0 ? std::string(64, '0') : (*list)[i - 1].entry.hash));
      CHECK_FALSE((*list)[i].replayed);
    }
  }
  auto r = f.reader();
  check_chain(r->db(), g, static_cast<std::int64_t>(savings_entries.size()));
  check_chain(r->db(), c, static_cast<std::int64_t>(coop_entries.size()));
  // What the store reports equals what we added up ourselves.
  CHECK(as_text(all_balances(r->db(), g)) == as_text(want_savings));
  CHECK(as_text(all_balances(r->db(), c)) == as_text(want_coop));
  // An entry read back is the entry that was answered.
  auto stored = load_entry(r->db(), savings_entries[3].entry.id);
  REQUIRE(stored.has_value());
  CHECK(stored->hash == savings_entries[3].entry.hash);
  CHECK(stored->created_at == savings_entries[3].entry.created_at);
  CHECK(stored->lines.size() == 2);
  auto report = verify_chain(r->db(), g);
  CHECK(report.ok);
  CHECK(report.entries == static_cast<std::int64_t>(savings_entries.size()));
  CHECK(report.head == savings_entries.back().entry.hash);
  CHECK(verify_balances(r->db()).empty());
}

TEST_CASE("a reversal mirrors the original and restores the balances", "[posting][reversal]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto sok = f.savers[0], dara = f.savers[1];
  auto shares =
      f.must_post(make_posting(g, "2026-04-01", {debit("1010", "5000"), credit("3010", "5000", sok)}, "e1"));
  std::map<std::string, std::int64_t> before;
  {
    auto r = f.reader();
    before = all_balances(r->db(), g);
  }
  auto repay = make_posting(
      g, "2026-04-02", {debit("1010", "2200"), credit("1100", "2000", dara), credit("4010", "200")}, "e2");
  repay.lines[1].memo = "principal";
  auto original = f.must_post(repay).entry;

  auto reversed = reverse(*f.db, g, original.id, "rev-e2", std::string("2026-04-03"));
  REQUIRE(reversed.has_value());
  const auto& rev = reversed->entry;
  CHECK_FALSE(reversed->replayed);
  CHECK(rev.seq == 3);
  CHECK(rev.date == day("2026-04-03"));
  CHECK(rev.reverses.value_or(entry_id{}).value == original.id.value);
  CHECK(rev.memo == "Reversal of entry 2");
  REQUIRE(rev.lines.size() == original.lines.size());
  for (std::size_t i = 0; i < rev.lines.size(); ++i) {
    INFO("line " << i);
    CHECK(rev.lines[i].account == original.lines[i].account);
    CHECK(rev.lines[i].member == original.lines[i].member);
    CHECK(rev.lines[i].amount == original.lines[i].amount);
    CHECK(rev.lines[i].memo == original.lines[i].memo);
    CHECK(rev.lines[i].side != original.lines[i].side);
  }
  {
    auto r = f.reader();
    CHECK(as_text(all_balances(r->db(), g)) == as_text(before));
    auto reread = load_entry(r->db(), original.id);
    REQUIRE(reread.has_value());
    CHECK(reread->reversed_by.value_or(entry_id{}).value == rev.id.value);
    auto reversing = load_entry(r->db(), rev.id);
    REQUIRE(reversing.has_value());
    CHECK(reversing->reverses.value_or(entry_id{}).value == original.id.value);
    CHECK_FALSE(reversing->reversed_by.has_value());
  }

  // An entry of another group is invisible here.
  auto other =
      f.must_post(make_posting(f.coop.id, "2026-04-01", {debit("1010", "100"), credit("4050", "100")}, "c1"));
  auto before_refusals = f.checksums();
  // A second reversal, under a fresh key, is a conflict: an entry is reversed once.
  auto twice = reverse(*f.db, g, original.id, "rev-e2-again", std::string("2026-04-03"));
  CHECK(code_of(twice) == name_of(errc::conflict));
  CHECK(code_of(reverse(*f.db, g, other.entry.id, "rev-other", std::string("2026-04-03"))) ==
        name_of(errc::not_found));
  CHECK(code_of(reverse(*f.db, g, entry_id{987654}, "rev-none", std::string("2026-04-03"))) ==
        name_of(errc::not_found));
  CHECK(code_of(reverse(*f.db, group_id{987654}, shares.entry.id, "rev-nogroup",
                        std::string("2026-04-03"))) == name_of(errc::not_found));
  CHECK(f.changed_since(before_refusals) == no_tables);

  // Reversals obey closed periods like any entry.
  REQUIRE(close_through(*f.db, g, "2026-04-30").has_value());
  before_refusals = f.checksums();
  CHECK(code_of(reverse(*f.db, g, shares.entry.id, "rev-closed", std::string("2026-04-30"))) ==
        name_of(errc::period_closed));
  CHECK(f.changed_since(before_refusals) == no_tables);
  auto in_may = reverse(*f.db, g, shares.entry.id, "rev-may", std::string("2026-05-01"));
  REQUIRE(in_may.has_value());
  CHECK(in_may->entry.seq == 4);
  auto r = f.reader();
  CHECK(balance_of(r->db(), g, "1010") == 0);
  CHECK(member_balance_of(r->db(), g, "3010", sok) == 0);
  CHECK(verify_all(r->db()).ok());
  check_chain(r->db(), g, 4);
}

// The balances we show are in natural sign, so a credit-normal balance must stay above INT64_MIN: a raw
// -2^63 would be shown as +2^63, which no int64 holds.
TEST_CASE("a credit balance of exactly -2^63 is refused, as its natural sign overflows",
          "[posting][overflow]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto sok = f.savers[0];
  f.must_post(make_posting(g, "2026-01-10", {debit("1010", max_khr), credit("3010", max_khr, sok)}, "huge"));
  check_refused(f,
                {"member shares one minor unit past INT64_MAX in natural sign",
                 make_posting(g, "2026-01-11", {debit("1020", "0.01"), credit("3010", "0.01", sok)}, "min"),
                 errc::invalid_amount, ""});
  auto r = f.reader();
  CHECK(member_balance_of(r->db(), g, "3010", sok) == std::numeric_limits<std::int64_t>::max());
}

// Each (account, member) balance fitting is not enough: the account's total over its members is what the
// accounts list, trial balance and reports show.
TEST_CASE("a member-ledger account whose total would overflow is refused", "[posting][overflow]") {
  ledger_fixture f;
  auto g = f.savings.id;
  f.must_post(
      make_posting(g, "2026-01-10", {debit("1010", max_khr), credit("3010", max_khr, f.savers[0])}, "huge"));
  check_refused(
      f, {"a second member's shares push the account total past INT64_MAX",
          make_posting(g, "2026-01-11", {debit("1020", "1.00"), credit("3010", "1.00", f.savers[1])}, "sum"),
          errc::invalid_amount, ""});
  auto r = f.reader();
  CHECK_NOTHROW(list_accounts(r->db(), g));
  CHECK_NOTHROW(trial_balance(r->db(), g, std::nullopt));
}

// Debits and credits that each pass INT64_MAX over time while every balance stays small: verification and
// the dated trial balance must still answer (or the postings be refused), never throw.
TEST_CASE("verification survives turnover beyond 64 bits", "[posting][overflow]") {
  ledger_fixture f;
  auto g = f.savings.id;
  auto sok = f.savers[0];
  std::vector<posting> postings = {
      make_posting(g, "2026-01-10", {debit("1010", max_khr), credit("3010", max_khr, sok)}, "in"),
      make_posting(g, "2026-01-11", {debit("3010", max_khr, sok), credit("1010", max_khr)}, "out"),
      make_posting(g, "2026-01-12", {debit("1010", "0.01"), credit("4020", "0.01")}, "fine"),
  };
  for (const auto& p : postings) {
    auto r = f.post(p);
    INFO("posting " << p.idempotency_key);
    CHECK((code_of(r) == "ok" || code_of(r) == name_of(errc::invalid_amount)));
  }
  auto r = f.reader();
  verify_report report;
  CHECK_NOTHROW(report = verify_all(r->db()));
  CHECK(report.chains.size() == 3);
  CHECK(report.ok());
  std::vector<trial_balance_currency> tb;
  CHECK_NOTHROW(tb = trial_balance(r->db(), g, day("2026-11-30")));
  for (const auto& c : tb) CHECK(c.total_debit == c.total_credit);
}

TEST_CASE("a stopped store answers what was queued and refuses new work", "[posting][store]") {
  ledger_fixture f;
  auto g = f.savings.id;
  std::vector<std::future<result<posted>>> queued;
  for (int i = 0; i < 20; ++i) {
    auto p =
        make_posting(g, "2026-01-10", {debit("1010", "100"), credit("4020", "100")}, "q" + std::to_string(i));
    queued.push_back(f.db->submit<posted>([p](write_context& ctx) { return post_entry(ctx, p); }));
  }
  f.db->stop();
  for (auto& q : queued) CHECK(code_of(q.get()) == "ok");
  auto late = f.post(make_posting(g, "2026-01-10", {debit("1010", "100"), credit("4020", "100")}, "late"));
  CHECK(code_of(late) == name_of(errc::unavailable));
  auto r = f.reader();
  CHECK(query_int(r->db(), "SELECT count(*) FROM entries WHERE group_id = ?", {g.value}) == 20);
}
