// Thousands of random postings, good and bad, from several threads at once into three groups of different
// kinds: afterwards the books must balance in every currency, every running balance must equal the sum of
// the answered lines, every refusal must have left no trace, and every chain must verify.
#include "tests/unit/ledger/store/store_test_support.hpp"

#include "ledger/chart.hpp"
#include "ledger/journal/posting.hpp"
#include "ledger/money.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/store/queries.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

constexpr int thread_count = 8;
constexpr int operations_per_thread = 1000;

struct group_setup {
  group_info info;
  std::vector<member_id> members;
  member_id stranger;  // a member of some other group
};

// One request sent and what it must come to: ok when `expected` is empty.
struct operation {
  group_id group;
  std::string key;
  std::string what;
  std::optional<errc> expected;
  std::optional<result<posted>> outcome;
};

class generator {
 public:
  generator(std::uint64_t seed, int thread, const std::vector<group_setup>& groups)
      : rng_(seed), thread_(thread), groups_(groups) {}

  std::vector<operation> run(store& db) {
    std::vector<operation> done;
    for (int n = 0; n < operations_per_thread; ++n) {
      auto key = "t" + std::to_string(thread_) + "-" + std::to_string(n);
      done.push_back(pick(n) < 6 && !mine_.empty() ? reversal_op(db, key) : posting_op(db, key));
    }
    return done;
  }

 private:
  int pick(int n) {
    return n < 50 ? 100 : uniform(0, 99);
  }  // reverse only once there is something to reverse
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  // A random amount in minor units, written in one of the ways a client may write it.
  std::string amount(std::int64_t minor) {
    static const currency_info two{"KHR", 2, 1};
    auto text = format_amount(minor, two);
    if (minor % 100 == 0 && uniform(0, 1) == 0) text.resize(text.size() - 3);
    return text;
  }
  std::int64_t some_minor() { return std::uniform_int_distribution<std::int64_t>(1, 50'000'000)(rng_); }
  std::string date() {
    // Days of 2026 before this was written, so no date is ever after "today".
    auto month = uniform(1, 11);
    return "2026-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-" +
           std::to_string(uniform(10, 28));
  }

  // A valid posting of one of the kinds each group records.
  posting valid(const group_setup& g, const std::string& key, std::string& what) {
    auto m = [&] {
      return g.members[static_cast<std::size_t>(uniform(0, static_cast<int>(g.members.size()) - 1))];
    };
    auto a = some_minor(), b = some_minor();
    std::vector<posting_line> lines;
    switch (g.info.kind) {
      case group_kind::savings_group:
        switch (uniform(0, 5)) {
          case 0: what = "shares", lines = {debit("1010", amount(a)), credit("3010", amount(a), m())}; break;
          case 1: what = "social fund", lines = {debit("1020", amount(a)), credit("3030", amount(a))}; break;
          case 2: what = "loan", lines = {debit("1100", amount(a), m()), credit("1010", amount(a))}; break;
          case 3:
            what = "repayment";
            lines = {debit("1010", amount(a + b)), credit("1100", amount(a), m()), credit("4010", amount(b))};
            break;
          case 4: what = "fine", lines = {debit("1010", amount(a)), credit("4020", amount(a))}; break;
          default: {
            what = "meeting";
            std::int64_t total = 0;
            for (std::size_t i = 0; i < g.members.size(); ++i) {
              auto part = (some_minor() / 100 + 1) * 100;  // whole riel, never zero
              total += part;
              lines.push_back(credit("3010", amount(part), g.members[i]));
            }
            lines.insert(lines.begin(), debit("1010", amount(total)));
          }
        }
        break;
      case group_kind::agri_cooperative:
        switch (uniform(0, 4)) {
          case 0: what = "capital", lines = {debit("1010", amount(a)), credit("3010", amount(a), m())}; break;
          case 1:
            what = "input sale", lines = {debit("1110", amount(a), m()), credit("4010", amount(a))};
            break;
          case 2:
            what = "exchange";
            lines = {debit("1011", amount(b / 4000 + 1)), credit("3901", amount(b / 4000 + 1)),
                     debit("3900", amount(b)), credit("1010", amount(b))};
            break;
          case 3: what = "expense", lines = {debit("5080", amount(a)), credit("1010", amount(a))}; break;
          default: what = "produce", lines = {debit("5020", amount(a)), credit("2020", amount(a), m())};
        }
        break;
      case group_kind::joint_task:
        switch (uniform(0, 2)) {
          case 0: what = "harvest", lines = {debit("1010", amount(a)), credit("4010", amount(a))}; break;
          case 1: what = "labour", lines = {debit("5010", amount(a)), credit("1010", amount(a))}; break;
          default: what = "distribution", lines = {debit("3060", amount(a)), credit("2020", amount(a), m())};
        }
        break;
    }
    // Lines in any order: the rules do not depend on it.
    std::shuffle(lines.begin(), lines.end(), rng_);
    return make_posting(g.info.id, date(), std::move(lines), key, what);
  }

  // Breaks a valid posting in one way whose refusal does not depend on what other threads post.
  errc spoil(const group_setup& g, posting& p, std::string& what) {
    auto first_where = [&](bool member_line) {
      for (std::size_t i = 0; i < p.lines.size(); ++i)
        if (p.lines[i].member.has_value() == member_line) return std::optional(i);
      return std::optional<std::size_t>();
    };
    for (;;) {
      switch (uniform(0, 11)) {
        case 0:
          what += " / one line";
          p.lines.resize(1);
          return errc::too_few_lines;
        case 1:
          what += " / unbalanced";
          p.lines.push_back(debit("1010", "0.01"));
          return errc::unbalanced_entry;
        case 2:
          what += " / unknown account";
          p.lines[0].account = "9999";
          return errc::unknown_account;
        case 3:
          if (auto i = first_where(true)) {
            what += " / member missing";
            p.lines[*i].member.reset();
            return errc::member_required;
          }
          continue;
        case 4:
          // A member on an ordinary line is attribution (charts.md), not a refusal: see posting_rules_test.
          continue;
        case 5:
          if (auto i = first_where(true)) {
            what += " / stranger";
            p.lines[*i].member = g.stranger;
            return errc::unknown_member;
          }
          continue;
        case 6:
          what += " / zero";
          p.lines[0].amount = "0";
          return errc::invalid_amount;
        case 7:
          what += " / negative";
          p.lines[0].amount = "-" + p.lines[0].amount;
          return errc::invalid_amount;
        case 8:
          // Amounts are written with two decimals or none, so this makes three.
          what += " / three decimals";
          p.lines[0].amount += p.lines[0].amount.find('.') == std::string::npos ? ".001" : "1";
          return errc::invalid_amount;
        case 9:
          // Income accounts are only ever credited (or reversed back), so their balance is never negative.
          what += " / impossible expectation";
          p.expect = {{"4010", std::nullopt, "-0.01"}};
          return errc::balance_assertion_failed;
        case 10:
          what += " / date far ahead";
          p.date = day("2099-03-01");
          return errc::date_in_future;
        default:
          if (g.info.kind != group_kind::agri_cooperative) continue;
          what += " / balanced only across currencies";
          p.lines = {debit("1011", "10"), credit("1010", "10")};
          return errc::unbalanced_entry;
      }
    }
  }

  operation posting_op(store& db, const std::string& key) {
    const auto& g = groups_[static_cast<std::size_t>(uniform(0, static_cast<int>(groups_.size()) - 1))];
    operation op{g.info.id, key, "", std::nullopt, std::nullopt};
    auto p = valid(g, key, op.what);
    if (uniform(0, 99) < 30) op.expected = spoil(g, p, op.what);
    op.outcome.emplace(post(db, p));
    if (op.outcome->has_value() && !op.expected)
      mine_.push_back({g.info.id, (*op.outcome)->entry.id, false, (*op.outcome)->entry.date.to_string()});
    return op;
  }

  operation reversal_op(store& db, const std::string& key) {
    auto& target = mine_[static_cast<std::size_t>(uniform(0, static_cast<int>(mine_.size()) - 1))];
    operation op{target.group, key, "reversal", std::nullopt, std::nullopt};
    group_id asked = target.group;
    if (uniform(0, 9) == 0) {
      // The same entry asked for through another group: not visible there.
      asked = groups_[(static_cast<std::size_t>(target.group.value) % groups_.size())].info.id;
      if (asked == target.group)
        asked = groups_[(static_cast<std::size_t>(target.group.value) + 1) % groups_.size()].info.id;
      op.group = asked;
      op.what = "reversal through another group";
      op.expected = errc::not_found;
    } else if (target.reversed) {
      op.what = "second reversal";
      op.expected = errc::conflict;
    }
    // Only this thread reverses its own entries, so whether one is reversed already is known here.
    // A reversal is dated on or after what it reverses.
    auto on = std::max(date(), target.date);
    op.outcome.emplace(reverse(db, asked, target.id, key, on));
    if (!op.expected && op.outcome->has_value()) target.reversed = true;
    return op;
  }

  struct own_entry {
    group_id group;
    entry_id id;
    bool reversed;
    std::string date;
  };

  std::mt19937_64 rng_;
  int thread_;
  const std::vector<group_setup>& groups_;
  std::vector<own_entry> mine_;
};

}  // namespace

TEST_CASE("random concurrent postings keep the books whole", "[store][random][concurrency]") {
  // NORMAL sync: this test is about rules under concurrency, not durability (the crash test and the posting
  // tests run at FULL). At FULL, thousands of fsyncs could take minutes on a slow CI disk.
  ledger_fixture f(false);
  std::atomic<std::size_t> largest_batch{0};
  f.db->on_batch([&](const batch_report& b) {
    auto seen = largest_batch.load();
    while (b.size > seen && !largest_batch.compare_exchange_weak(seen, b.size)) {
    }
  });
  f.savers.push_back(make_member(*f.db, f.savings.id, "Srey"));
  f.savers.push_back(make_member(*f.db, f.savings.id, "Pisey"));
  f.coop_members.push_back(make_member(*f.db, f.coop.id, "Kosal"));
  f.coop_members.push_back(make_member(*f.db, f.coop.id, "Nary"));
  f.task_members.push_back(make_member(*f.db, f.task.id, "Mony"));
  std::vector<group_setup> groups = {
      {f.savings, f.savers, f.coop_members[0]},
      {f.coop, f.coop_members, f.task_members[0]},
      {f.task, f.task_members, f.savers[0]},
  };

  std::uint64_t seed = Catch::rngSeed() != 0 ? Catch::rngSeed() : 20261128;
  INFO("seed " << seed << " (run with --rng-seed to repeat another)");
  std::vector<std::vector<operation>> per_thread(thread_count);
  {
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t)
      threads.emplace_back([&, t] {
        generator gen(seed * 1000003 + static_cast<std::uint64_t>(t), t, groups);
        per_thread[static_cast<std::size_t>(t)] = gen.run(*f.db);
      });
    for (auto& t : threads) t.join();
  }

  // Every answer is the one its request deserved.
  std::vector<std::string> wrong;
  std::map<std::int64_t, std::int64_t> successes;                     // group -> entries made
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> made;  // (group, key) -> entry
  std::set<std::pair<std::int64_t, std::string>> refused;
  std::vector<const posted*> answered;
  std::size_t total = 0, invalid = 0;
  for (const auto& ops : per_thread) {
    for (const auto& op : ops) {
      ++total;
      auto want = op.expected ? name_of(*op.expected) : std::string("ok");
      auto got = code_of(*op.outcome);
      if (got != want && wrong.size() < 20)
        wrong.push_back(op.key + " (" + op.what + "): wanted " + want + ", got " + got +
                        (op.outcome->has_error() ? " - " + op.outcome->error().message : ""));
      if (op.expected) ++invalid;
      if (op.outcome->has_value()) {
        ++successes[op.group.value];
        made[{op.group.value, op.key}] = (*op.outcome)->entry.id.value;
        answered.push_back(&**op.outcome);
        if ((*op.outcome)->replayed) wrong.push_back(op.key + " was replayed, but every key is fresh");
      } else {
        refused.insert({op.group.value, op.key});
      }
    }
  }
  CHECK(wrong == std::vector<std::string>{});
  CHECK(total == static_cast<std::size_t>(thread_count * operations_per_thread));
  CHECK(invalid > total / 5);       // the mix really was mixed
  CHECK(largest_batch.load() > 1);  // and writes really did share commits

  auto reader = f.reader();
  auto& db = reader->db();
  // A refusal left no trace: entries are exactly the successes, and refused keys were never stored.
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> stored_keys;
  {
    sqlite::statement s(db.handle(), "SELECT group_id, key, entry_id FROM idempotency_keys");
    while (s.step()) stored_keys[{s.column_int(0), s.column_text(1)}] = s.column_int(2);
  }
  CHECK(stored_keys.size() == made.size());
  std::size_t missing = 0, leaked = 0;
  for (const auto& [k, id] : made)
    if (auto it = stored_keys.find(k); it == stored_keys.end() || it->second != id) ++missing;
  for (const auto& k : refused)
    if (stored_keys.count(k)) ++leaked;
  CHECK(missing == 0);
  CHECK(leaked == 0);

  // Running balances equal a recomputation from the lines the store answered with.
  std::map<std::int64_t, std::map<std::string, std::int64_t>> raw;  // group -> key -> debit minus credit
  for (const auto* p : answered) {
    auto& by_key = raw[p->entry.group.value];
    for (const auto& l : p->entry.lines) {
      auto signed_amount = l.side == side::debit ? l.amount.minor() : -l.amount.minor();
      by_key[l.account] += signed_amount;
      if (l.member) by_key[l.account + "/" + std::to_string(l.member->value)] += signed_amount;
    }
  }
  for (const auto& g : groups) {
    INFO("group " << g.info.name);
    auto entries = query_int(db, "SELECT count(*) FROM entries WHERE group_id = ?", {g.info.id.value});
    CHECK(entries == successes[g.info.id.value]);
    CHECK(query_int(db, "SELECT coalesce(max(seq), 0) FROM entries WHERE group_id = ?", {g.info.id.value}) ==
          entries);
    CHECK(query_int(db, "SELECT coalesce(min(seq), 1) FROM entries WHERE group_id = ?", {g.info.id.value}) ==
          1);

    std::map<std::string, account_type> types;
    for (const auto& a : list_accounts(db, g.info.id)) types[a.account.code] = a.account.type;
    std::map<std::string, std::int64_t> expected;
    for (const auto& [k, value] : raw[g.info.id.value]) {
      if (value == 0) continue;
      auto type = types.at(k.substr(0, k.find('/')));
      expected[k] = debit_normal(type) ? value : -value;
    }
    CHECK(as_text(all_balances(db, g.info.id)) == as_text(expected));

    auto tb = trial_balance(db, g.info.id, std::nullopt);
    CHECK_FALSE(tb.empty());
    for (const auto& c : tb) {
      INFO("currency " << c.currency.code());
      CHECK(c.total_debit == c.total_credit);
    }
    // The dated trial balance sums the lines themselves, so it checks the running balances again.
    auto dated = trial_balance(db, g.info.id, day("2026-11-30"));
    REQUIRE(dated.size() == tb.size());
    for (std::size_t i = 0; i < tb.size(); ++i) CHECK(dated[i].total_debit == tb[i].total_debit);
    check_chain(db, g.info.id, entries);
  }
  CHECK(verify_balances(db).empty());
  auto report = verify_all(db);
  CHECK(report.ok());
  CHECK(report.chains.size() == 3);
}
