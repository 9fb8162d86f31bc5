#include "ledger/reports/dashboard.hpp"

#include "ledger/operations/cash_rules.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/savings_records.hpp"

namespace samaki::ledger {

group_overview overview_of(sqlite::connection& db, const group_info& group, calendar_date today,
                           const warning_rules& rules) {
  sqlite::read_snapshot snapshot(db);
  group_overview o;
  o.group = group;
  o.cash = money::zero(group.currency);
  for (const auto& m : load_group_members(db, group.id))
    if (!m.left_on || *m.left_on > today) ++o.members;
  auto accounts = list_accounts(db, group.id);
  for (const auto& a : accounts)
    if (holds_cash(a.account) && a.account.currency == group.currency) o.cash = plus(o.cash, a.balance);
  std::optional<loan_portfolio> portfolio;
  if (lends(group.kind)) {
    portfolio = portfolio_at(db, group, today);
    o.loans_outstanding = portfolio->outstanding;
    o.par30 = portfolio->par30;
  }
  auto activity =
      journal_activity_of(db, group.id, today.plus_days(-rules.recent_days), rules.back_dated_days);
  o.entries = activity.entries;
  o.last_activity = activity.last_recorded;
  o.last_entry_date = activity.last_date;
  o.warnings =
      warnings_from(db, {group, today, accounts, portfolio ? &*portfolio : nullptr, activity}, rules);
  return o;
}

}  // namespace samaki::ledger
