#include "ledger/coop/appropriation.hpp"

#include "ledger/allocation.hpp"

#include <set>

namespace samaki::ledger {
result<appropriation_sheet> appropriate(const year_figures& year, const bylaws& rules, percent dividend) {
  const auto currency = year.surplus.currency();
  const auto zero = money::zero(currency);
  if (dividend > rules.dividend_cap)
    return error(errc::limit_exceeded,
                 "a dividend of " + dividend.text() + " % is above the by-laws' cap of " +
                     rules.dividend_cap.text() + " %",
                 {{"field", "dividend_percent"},
                  {"rule", "dividend_cap"},
                  {"limit", rules.dividend_cap.text()},
                  {"value", dividend.text()}});
  if (!year.surplus.is_positive())
    return error(errc::insufficient_funds,
                 "the year " + std::to_string(year.year) + " has no surplus to appropriate (" +
                     year.surplus.amount_text() + ")",
                 {{"rule", "surplus"}, {"surplus", year.surplus.amount_text()}});

  appropriation_sheet s;
  s.year = year.year;
  s.dividend_percent = dividend;
  s.rules = rules;
  s.surplus = year.surplus;
  s.reserve = rules.reserve.of(year.surplus);
  s.education = rules.education.of(year.surplus);
  s.patronage_pool = rules.patronage.of(year.surplus);
  s.dividends = s.refunds = s.total_business = zero;

  std::set<std::int64_t> everyone;
  std::vector<weighted> weights;
  for (const auto& [id, capital] : year.share_capital)
    if (capital > 0) everyone.insert(id);
  for (const auto& [id, amount] : year.business)
    if (amount > 0) {
      everyone.insert(id);
      weights.push_back({id, amount});
      s.total_business = add(s.total_business, money(amount, currency)).value();
    }
  const auto unit = rules.cash_unit.minor();
  auto refunds = share_out(s.patronage_pool.minor(), unit, weights);
  std::map<std::int64_t, std::int64_t> refund_of;
  for (const auto& p : refunds.payouts) refund_of[p.id] = p.units;

  for (auto id : everyone) {
    appropriation_member m;
    m.member = member_id{id};
    auto capital = year.share_capital.find(id);
    m.share_capital =
        money(capital == year.share_capital.end() || capital->second < 0 ? 0 : capital->second, currency);
    m.dividend = dividend.of(m.share_capital);
    auto business = year.business.find(id);
    m.business =
        money(business == year.business.end() || business->second < 0 ? 0 : business->second, currency);
    m.refund = money(refund_of.contains(id) ? refund_of[id] : 0, currency);
    // The cash part is rounded down to a whole cash unit; the rest is retained in the member's name.
    auto cash = rules.patronage_cash.of(m.refund).minor();
    m.refund_cash = money(cash - cash % unit, currency);
    m.refund_retained = subtract(m.refund, m.refund_cash).value();
    s.dividends = add(s.dividends, m.dividend).value();
    s.refunds = add(s.refunds, m.refund).value();
    s.members.push_back(m);
  }
  s.total = add(add(s.reserve, s.education).value(), add(s.dividends, s.refunds).value()).value();
  if (compare(s.total, s.surplus) > 0)
    return error(errc::insufficient_funds,
                 "the appropriation (" + s.total.amount_text() + ") is more than the year's surplus (" +
                     s.surplus.amount_text() + ")",
                 {{"rule", "surplus"}, {"limit", s.surplus.amount_text()}, {"value", s.total.amount_text()}});
  s.left_over = subtract(s.surplus, s.total).value();
  return s;
}

}  // namespace samaki::ledger
