#include "ledger/reports/member_balances.hpp"

namespace samaki::ledger {

member_balances_report build_member_balances(const group_books& books, const account_nets& nets,
                                             const std::optional<calendar_date>& as_of) {
  member_balances_report out{as_of, {}, {}};
  for (const auto& a : books.accounts)
    if (a.member_ledger) out.columns.push_back(member_balances_column{a, money::zero(a.currency)});
  for (const auto& m : books.members) {
    member_balances_row row{m, {}};
    for (const auto& column : out.columns) {
      auto it = nets.find({column.account.id.value, m.id.value});
      row.balances.push_back(natural_money(column.account, it == nets.end() ? 0 : it->second));
    }
    out.rows.push_back(std::move(row));
  }
  for (std::size_t i = 0; i < out.columns.size(); ++i) {
    money_total total(out.columns[i].account.currency);
    for (const auto& row : out.rows) total.add(row.balances[i]);
    out.columns[i].total = total.total();
  }
  return out;
}

result<member_balances_report> read_member_balances(sqlite::connection& db, group_id group,
                                                    const std::optional<calendar_date>& as_of) {
  sqlite::read_snapshot snapshot(db);
  auto books = read_group_books(db, group);
  if (!books) return books.error();
  return build_member_balances(*books, nets_through(db, group, as_of), as_of);
}

}  // namespace samaki::ledger
