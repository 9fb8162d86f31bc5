#include "ledger/savings/share_out.hpp"

#include "ledger/allocation.hpp"
#include "ledger/int128.hpp"

namespace samaki::ledger {
namespace {

bool in_fund(const account_info& a) {
  return a.code == "3010" || a.code == "3020" || a.code == "3040" || a.type == account_type::income ||
         a.type == account_type::expense;
}

}  // namespace

share_out_sheet compute_share_out(const std::vector<account_info>& accounts, const raw_balances& balances,
                                  const money& cash_unit, calendar_date as_of) {
  const auto currency = cash_unit.currency();
  int128 fund = 0;
  std::vector<weighted> weights;
  int128 total_weight = 0;
  for (const auto& a : accounts) {
    if (!in_fund(a) || !(a.currency == currency)) continue;
    for (auto it = balances.lower_bound({a.id.value, INT64_MIN});
         it != balances.end() && it->first.first == a.id.value; ++it) {
      // The fund is what the group owes its members: credit balances, so debit minus credit counts
      // negatively.
      fund -= it->second;
      if (a.code == "3010" && it->first.second != 0 && it->second != 0) {
        weights.push_back(weighted{it->first.second, -it->second});
        total_weight -= it->second;
      }
    }
  }
  share_out_sheet sheet;
  sheet.as_of = as_of;
  sheet.currency = currency;
  sheet.fund = money(narrow(fund), currency);
  sheet.cash_unit = cash_unit;
  sheet.total_weight = money(narrow(total_weight), currency);
  // A member whose shares were taken out (a negative balance) cannot weigh in the split.
  std::vector<weighted> positive;
  for (const auto& w : weights)
    if (w.weight > 0) positive.push_back(w);
  auto split = share_out(sheet.fund.minor(), cash_unit.minor(), positive);
  std::map<std::int64_t, std::int64_t> payout_of;
  for (const auto& p : split.payouts) payout_of[p.id] = p.units;
  for (const auto& w : weights)
    sheet.members.push_back(
        share_out_row{member_id{w.id}, money(w.weight, currency), money(payout_of[w.id], currency)});
  std::sort(sheet.members.begin(), sheet.members.end(),
            [](const auto& a, const auto& b) { return a.member.value < b.member.value; });
  sheet.residual = money(split.residual, currency);
  return sheet;
}

}  // namespace samaki::ledger
