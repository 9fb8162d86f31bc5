// The demonstration data: the same ledgers on every run, sound books, the story each group tells, made
// through the operations, and logins that sign in with the passwords printed.
#include "ledger/demo.hpp"
#include "ledger/access/users.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/savings/loans.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/savings_records.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace samaki::ledger;

namespace {

struct loaded_demo {
  samaki::test::temp_dir dir;
  std::string path = dir.file("demo.db");
  demo_result result;
  std::vector<std::string> steps;

  loaded_demo() {
    store s(samaki::test::test_store_options(path));
    result = load_demo(s, [this](std::string_view step, int done, int total) {
      steps.push_back(std::to_string(done) + "/" + std::to_string(total) + " " + std::string(step));
    });
  }
};

// One load for the tests that only read it (a load hashes eight passwords: Argon2id is slow on purpose).
const loaded_demo& shared_demo() {
  static const loaded_demo demo;
  return demo;
}

// Every group's chain head and every closed period's seal, by group name.
std::map<std::string, std::vector<std::string>> fingerprints(const std::string& path) {
  read_session r(path);
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& g : list_groups(r.db(), std::nullopt)) {
    auto& f = out[g.name];
    f.push_back(verify_chain(r.db(), g.id).head);
    for (const auto& p : load_periods(r.db(), g.id)) f.push_back(p.seal_code);
  }
  return out;
}

const group_info& group_named(const std::vector<group_info>& groups, std::string_view name) {
  for (const auto& g : groups)
    if (g.name == name) return g;
  FAIL("no group " << name);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("demo data loads once into an empty database, balanced and verified", "[demo]") {
  const auto& demo = shared_demo();
  CHECK(demo.result.loaded);
  CHECK(demo.steps.size() == 6);
  CHECK(demo.steps.back() == "6/6 logins");
  {
    store s(samaki::test::test_store_options(demo.path));
    auto again = load_demo(s);
    CHECK_FALSE(again.loaded);
    CHECK(again.logins.empty());
  }
  read_session r(demo.path);
  auto groups = list_groups(r.db(), std::nullopt);
  REQUIRE(groups.size() == 5);
  for (const auto& g : groups) {
    INFO(g.name);
    const auto balances = trial_balance(r.db(), g.id, std::nullopt);
    CHECK_FALSE(balances.empty());
    for (const auto& c : balances) {
      INFO(c.currency.code());
      CHECK(c.total_debit == c.total_credit);
    }
  }
  CHECK(verify_all(r.db()).ok());
}

TEST_CASE("demo data is the same on every run: the same chain heads and seals", "[demo]") {
  loaded_demo again;
  const auto a = fingerprints(shared_demo().path);
  CHECK(a.size() == 5);
  CHECK(a == fingerprints(again.path));
}

TEST_CASE("the demo groups tell their stories through the operations", "[demo]") {
  const auto& demo = shared_demo();
  read_session r(demo.path);
  const auto groups = list_groups(r.db(), std::nullopt);
  const auto after_all = calendar_date::from_ymd(2026, 12, 1);

  // Every entry was made by an operation: no raw postings.
  for (const auto& g : groups) {
    std::int64_t after = 0;
    for (;;) {
      entry_filter filter;
      filter.group = g.id;
      filter.after_seq = after;
      filter.limit = 500;
      auto page = list_entries(r.db(), filter);
      if (page.empty()) break;
      for (const auto& e : page) {
        INFO(g.name << " entry " << e.seq << " " << e.memo);
        CHECK(e.operation.has_value());
      }
      after = page.back().seq;
    }
  }

  // The savings group that shared out: its cycle closed with a seal, no cycle open.
  const auto& shared_out = group_named(groups, "Trapeang Thom Women's Savings Group");
  CHECK_FALSE(open_cycle(r.db(), shared_out.id));
  const auto cycles = load_cycles(r.db(), shared_out.id);
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0].closed_on == calendar_date::from_ymd(2026, 10, 21));
  const auto shared_periods = load_periods(r.db(), shared_out.id);
  REQUIRE(shared_periods.size() == 1);
  CHECK(shared_periods[0].kind == period_kind::cycle);

  // Mid-cycle: an open cycle, and Keo Vuthy's loan long in arrears.
  const auto& mid = group_named(groups, "Srae Ronoung Savings Group");
  REQUIRE(open_cycle(r.db(), mid.id));
  int late = 0, open = 0;
  for (const auto& loan : load_loans(r.db(), loan_filter{mid.id, std::nullopt, std::nullopt})) {
    const auto p = position_at(loan, after_all);
    if (p.status == loan_status::open) ++open;
    if (p.days_in_arrears > 30) ++late;
  }
  CHECK(late == 1);
  CHECK(open >= 2);

  // New: its first cycle and a few meetings.
  const auto& fresh = group_named(groups, "Kampong Trach Savings Group");
  CHECK(open_cycle(r.db(), fresh.id));

  // The cooperative: 60 members, 2025 closed as a year with its seal.
  const auto& coop = group_named(groups, "Svay Chrum Rice Cooperative");
  CHECK(list_members(r.db(), coop.id, 0, 1000).size() == 60);
  const auto coop_periods = load_periods(r.db(), coop.id);
  REQUIRE(coop_periods.size() == 1);
  CHECK(coop_periods[0].kind == period_kind::year);
  CHECK(coop_periods[0].through == calendar_date::from_ymd(2025, 12, 31));
  CHECK(coop_periods[0].seal_code.size() == 12);

  // The committee: two harvests, each closed by an allocation into 3060 and paid out.
  const auto& committee = group_named(groups, "Kamen Village Cashew Committee");
  CHECK(committee.kind == group_kind::joint_task);
  auto distributions = find_account(r.db(), committee.id, "2020");
  REQUIRE(distributions);
  CHECK(distributions->balance.is_zero());
}

TEST_CASE("every demo login signs in with the password it prints", "[demo]") {
  const auto& demo = shared_demo();
  read_session r(demo.path);
  std::map<std::string, int> roles;
  for (const auto& login : demo.result.logins) {
    INFO(login.username);
    auto found = find_login(r.db(), login.username);
    REQUIRE(found);
    CHECK(check_password(login.password, found->second));
    CHECK_FALSE(check_password(login.password + "x", found->second));
    ++roles[login.role];
  }
  CHECK(roles == std::map<std::string, int>{{"admin", 1}, {"staff", 1}, {"treasurer", 5}, {"member", 1}});
}
