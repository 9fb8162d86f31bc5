#include "ledger/reports/coop/annual_report.hpp"

#include "ledger/coop/year_figures.hpp"
#include "ledger/reports/group_books.hpp"
#include "ledger/store/rows.hpp"

#include <set>

namespace samaki::ledger {

result<annual_report> read_annual_report(sqlite::connection& db, group_id id, int year, percent dividend) {
  sqlite::read_snapshot snapshot(db);
  auto group = cooperative(db, id);
  if (!group) return group.error();
  auto books = read_group_books(db, id);
  if (!books) return books.error();
  const auto first = first_day_of_year(year), last = last_day_of_year(year);
  annual_report out;
  out.year = year;
  out.group = *group;
  out.members = books->members;
  for (const auto& p : load_periods(db, id))
    if (!p.reopened_at && p.through >= last) out.closed = true;
  auto closing_nets = nets_through(db, id, last);
  out.position = build_balance_sheet(*books, closing_nets, last, true);
  // The year's lines are read once: the income statement leaves the closing entries out, and the opening
  // nets are the closing ones less every line of the year.
  const auto year_lines = movements_with_closing(db, id, first, last);
  out.results = build_income_statement(*books, year_lines.without_closing(), first, last);
  auto appropriation = read_appropriation_report(db, id, year, dividend);
  if (appropriation)
    out.appropriation = std::move(*appropriation);
  else
    out.appropriation_refused = appropriation.error();

  auto opening_nets = closing_nets;
  for (const auto& [key, net] : year_lines.all) opening_nets[key] -= net;
  std::set<std::pair<std::int64_t, std::int64_t>> keys;
  for (const auto* nets : {&opening_nets, &closing_nets})
    for (const auto& [key, value] : *nets) keys.insert(key);
  auto net_of = [](const account_nets& nets, std::pair<std::int64_t, std::int64_t> key) -> int128 {
    auto it = nets.find(key);
    return it == nets.end() ? 0 : it->second;
  };
  for (const auto& account : books->accounts) {
    if (account.type != account_type::equity) continue;
    for (const auto& key : keys) {
      if (key.first != account.id.value) continue;
      auto opening = natural_money(account, net_of(opening_nets, key));
      auto closing = natural_money(account, net_of(closing_nets, key));
      if (opening.is_zero() && closing.is_zero()) continue;
      out.equity.push_back(equity_change{account,
                                         key.second ? std::optional(member_id{key.second}) : std::nullopt,
                                         opening, subtract(closing, opening).value(), closing});
    }
  }
  return out;
}

}  // namespace samaki::ledger
