// product.md's share-out over random savings groups, through compute_share_out (the books' balances in, the
// sheet out): the fund is 3010 + 3020 + 3040 + income − expenses and never the social fund; payouts plus the
// residual are the fund; every payout is whole cash units; the residual is below one cash unit (so below
// U × n); each payout is what an independent largest-remainder reckoning gives; and neither the order of the
// accounts nor an order-keeping renumbering of the members changes anything but the ids.
#include "ledger/savings/share_out.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>

using namespace samaki::ledger;

namespace {

const iso_currency khr = *iso_currency::find("KHR");

// T × w overflows 64 bits for large funds; the reckoning below is exact in 128.
__extension__ typedef __int128 wide;

struct random_group {
  std::vector<account_info> accounts;
  raw_balances balances;
  std::map<std::int64_t, std::int64_t> weight_of;  // member → 3010 credit balance
  std::int64_t fund = 0;
};

account_info account(std::int64_t id, std::string code, account_type type, bool member_ledger = false) {
  return account_info{account_id{id}, group_id{1}, std::move(code), type, "", "", khr, member_ledger, {}};
}

// A group of `ids` members with random shares, surplus, carry-forward, income, expenses, social fund and
// loans; `fund` is worked here from the balances, independently of the code under test.
random_group make_group(std::mt19937_64& rng, const std::vector<std::int64_t>& ids) {
  auto pick = [&](std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(rng);
  };
  random_group g;
  g.accounts = {
      account(1, "1010", account_type::asset),        account(2, "1100", account_type::asset, true),
      account(3, "3010", account_type::equity, true), account(4, "3020", account_type::equity),
      account(5, "3030", account_type::equity),       account(6, "3040", account_type::equity),
      account(7, "4010", account_type::income),       account(8, "4020", account_type::income),
      account(9, "5020", account_type::expense),      account(10, "2020", account_type::liability, true)};
  const std::int64_t share_value = std::vector<std::int64_t>{250000, 500000, 1000000}[pick(0, 2)];
  for (auto id : ids) {
    const auto shares = pick(0, 60);
    if (shares > 0) {
      g.balances[{3, id}] = -shares * share_value;  // credit-normal: stored negative
      g.weight_of[id] = shares * share_value;
      g.fund += shares * share_value;
    }
    if (pick(0, 3) == 0) g.balances[{2, id}] = pick(1, 50000000);  // a loan: not in the fund
  }
  const auto surplus = pick(-100000, 5000000), carried = pick(0, 9999), interest = pick(0, 30000000),
             fines = pick(0, 2000000), written_off = pick(0, 3000000), social = pick(0, 9000000);
  g.balances[{4, 0}] = -surplus;
  g.balances[{6, 0}] = -carried;
  g.balances[{7, 0}] = -interest;
  g.balances[{8, 0}] = -fines;
  g.balances[{9, 0}] = written_off;
  g.balances[{5, 0}] = -social;  // never shared out
  g.balances[{1, 0}] = pick(0, 90000000);
  g.fund += surplus + carried + interest + fines - written_off;
  return g;
}

// product.md's rule worked plainly: floor(T·w/W) each, then one unit each down the largest remainders,
// ties to the lower id.
std::map<std::int64_t, std::int64_t> reference_payouts(const std::map<std::int64_t, std::int64_t>& weight_of,
                                                       std::int64_t fund, std::int64_t unit) {
  std::map<std::int64_t, std::int64_t> out;
  wide total = 0;
  for (const auto& [id, w] : weight_of) total += w;
  const wide units = fund / unit;
  std::vector<std::tuple<wide, std::int64_t>> remainders;  // (−remainder, id): sorted, largest first
  wide given = 0;
  for (const auto& [id, w] : weight_of) {
    const wide product = units * w;
    out[id] = static_cast<std::int64_t>(product / total);
    given += product / total;
    remainders.emplace_back(-(product % total), id);
  }
  std::sort(remainders.begin(), remainders.end());
  for (std::size_t i = 0; i < static_cast<std::size_t>(units - given); ++i) ++out[std::get<1>(remainders[i])];
  for (auto& [id, u] : out) u *= unit;
  return out;
}

std::map<std::int64_t, std::int64_t> payouts_of(const share_out_sheet& sheet) {
  std::map<std::int64_t, std::int64_t> out;
  for (const auto& row : sheet.members) out[row.member.value] = row.payout.minor();
  return out;
}

// The same balances with each member id replaced through `rename`.
raw_balances renamed(const raw_balances& balances, const std::map<std::int64_t, std::int64_t>& rename) {
  raw_balances out;
  for (const auto& [key, value] : balances)
    out[{key.first, key.second == 0 ? 0 : rename.at(key.second)}] = value;
  return out;
}

}  // namespace

TEST_CASE("share-out over random groups: exact, whole cash units, order-free", "[share_out][savings]") {
  std::mt19937_64 rng(20260105);
  const std::int64_t units[] = {1, 100, 10000, 50000};  // 0.01, 1, 100 and 500 riel
  const auto as_of = *calendar_date::parse("2026-12-01");
  for (int round = 0; round < 2000; ++round) {
    INFO("round " << round);
    const auto n = std::uniform_int_distribution<int>(1, 30)(rng);
    std::set<std::int64_t> id_set;
    while (static_cast<int>(id_set.size()) < n)
      id_set.insert(std::uniform_int_distribution<int>(1, 999)(rng));
    const std::vector<std::int64_t> ids(id_set.begin(), id_set.end());
    const auto g = make_group(rng, ids);
    const auto unit = units[round % 4];
    const auto sheet = compute_share_out(g.accounts, g.balances, money(unit, khr), as_of);

    CHECK(sheet.fund.minor() == g.fund);
    CHECK(sheet.members.size() == g.weight_of.size());
    std::int64_t paid = 0, total_weight = 0;
    for (const auto& row : sheet.members) {
      CHECK(row.weight.minor() == g.weight_of.at(row.member.value));
      CHECK(row.payout.minor() % unit == 0);
      CHECK(row.payout.minor() >= 0);
      paid += row.payout.minor();
      total_weight += row.weight.minor();
    }
    CHECK(sheet.total_weight.minor() == total_weight);
    CHECK(paid + sheet.residual.minor() == g.fund);
    CHECK(std::is_sorted(sheet.members.begin(), sheet.members.end(),
                         [](const auto& a, const auto& b) { return a.member.value < b.member.value; }));
    if (total_weight > 0 && g.fund >= 0) {
      CHECK(sheet.residual.minor() >= 0);
      CHECK(sheet.residual.minor() < unit * static_cast<std::int64_t>(sheet.members.size()));
      CHECK(sheet.residual.minor() == g.fund % unit);
      CHECK(payouts_of(sheet) == reference_payouts(g.weight_of, g.fund, unit));
    }

    // The accounts in another order: the same sheet.
    auto shuffled = g.accounts;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    const auto again = compute_share_out(shuffled, g.balances, money(unit, khr), as_of);
    CHECK(payouts_of(again) == payouts_of(sheet));
    CHECK(again.residual == sheet.residual);

    // New ids in the same order (ties still fall the same way): the same payouts under the new ids.
    std::set<std::int64_t> fresh;
    while (fresh.size() < ids.size()) fresh.insert(std::uniform_int_distribution<int>(1000, 99999)(rng));
    std::map<std::int64_t, std::int64_t> rename;
    auto next = fresh.begin();
    for (auto id : ids) rename[id] = *next++;
    const auto renumbered =
        compute_share_out(g.accounts, renamed(g.balances, rename), money(unit, khr), as_of);
    std::map<std::int64_t, std::int64_t> expected;
    for (const auto& [id, payout] : payouts_of(sheet)) expected[rename.at(id)] = payout;
    CHECK(payouts_of(renumbered) == expected);
    CHECK(renumbered.residual == sheet.residual);
    CHECK(renumbered.fund == sheet.fund);

    // Ids shuffled (ties may fall elsewhere): each member gets the same, or one unit more or less; the
    // residual is the same.
    auto shuffled_ids = ids;
    std::shuffle(shuffled_ids.begin(), shuffled_ids.end(), rng);
    std::map<std::int64_t, std::int64_t> swap;
    for (std::size_t i = 0; i < ids.size(); ++i) swap[ids[i]] = shuffled_ids[i];
    const auto swapped =
        payouts_of(compute_share_out(g.accounts, renamed(g.balances, swap), money(unit, khr), as_of));
    for (const auto& [id, payout] : payouts_of(sheet))
      CHECK(std::abs(swapped.at(swap.at(id)) - payout) <= unit);
  }
}

TEST_CASE("share-out: a tie goes to the lower member id, however the members are numbered",
          "[share_out][savings]") {
  // Three members of 10 riel each and 10 riel of surplus: F = 40 riel, U = 10 riel, T = 4 units; each gets
  // floor(4 × 10 / 30) = 1 unit with the same remainder 10, so the fourth unit goes to the lowest id.
  const std::vector<account_info> accounts{account(3, "3010", account_type::equity, true),
                                           account(4, "3020", account_type::equity)};
  for (const auto& ids : {std::vector<std::int64_t>{4, 9, 2}, std::vector<std::int64_t>{30, 10, 20}}) {
    raw_balances b{{{4, 0}, -1000}};
    for (auto id : ids) b[{3, id}] = -1000;
    const auto sheet = compute_share_out(accounts, b, money(1000, khr), *calendar_date::parse("2026-06-01"));
    const auto low = *std::min_element(ids.begin(), ids.end());
    REQUIRE(sheet.members.size() == 3);
    for (const auto& row : sheet.members)
      CHECK(row.payout.minor() == (row.member.value == low ? 2000 : 1000));
    CHECK(sheet.residual.minor() == 0);
  }
}
