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
  // The balances on 31 December and a year before, and the year's movements between: from the balances
  // kept when the years closed where they were, else from one pass over the year's lines.
  const auto books_of_year = read_range_with_ends(db, id, first, last);
  const auto& closing_nets = books_of_year.closing;
  const auto& opening_nets = books_of_year.opening;
  out.position = build_balance_sheet(*books, closing_nets, last, true);
  out.results = build_income_statement(*books, books_of_year.moved.without_closing(), first, last);
  auto appropriation = read_appropriation_report(db, id, year, dividend);
  if (appropriation)
    out.appropriation = std::move(*appropriation);
  else
    out.appropriation_refused = appropriation.error();

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
