#include "ledger/reports/income_statement.hpp"

namespace samaki::ledger {

income_statement build_income_statement(const group_books& books, const account_nets& moved,
                                        const std::optional<calendar_date>& from,
                                        const std::optional<calendar_date>& to) {
  auto totals = per_account(moved);
  income_statement out{from, to, {}};
  for (auto currency : books.currencies()) {
    income_statement_currency c{currency, {}, {}, {}, {}, {}};
    money_total income(currency), expenses(currency), net(currency);
    for (const auto& a : books.accounts) {
      if (!(a.currency == currency)) continue;
      if (a.type != account_type::income && a.type != account_type::expense) continue;
      auto it = totals.find(a.id.value);
      if (it == totals.end() || it->second == 0) continue;
      auto amount = natural_money(a, it->second);
      (a.type == account_type::income ? c.income : c.expenses).push_back(result_row{a, amount});
      (a.type == account_type::income ? income : expenses).add(amount);
      // The result is credit minus debit over income and expenses alike.
      net.add(money(narrow(-it->second), currency));
    }
    if (c.income.empty() && c.expenses.empty() && !(currency == books.group.currency)) continue;
    c.total_income = income.total();
    c.total_expenses = expenses.total();
    c.net_result = net.total();
    out.currencies.push_back(std::move(c));
  }
  return out;
}

result<income_statement> read_income_statement(sqlite::connection& db, group_id group,
                                               const std::optional<calendar_date>& from,
                                               const std::optional<calendar_date>& to) {
  sqlite::read_snapshot snapshot(db);
  auto books = read_group_books(db, group);
  if (!books) return books.error();
  return build_income_statement(*books, movements(db, group, from, to, true), from, to);
}

}  // namespace samaki::ledger
