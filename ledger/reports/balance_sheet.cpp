#include "ledger/reports/balance_sheet.hpp"

#include <initializer_list>

namespace samaki::ledger {
namespace {

position_section* section_of(balance_sheet_currency& c, account_type type) {
  switch (type) {
    case account_type::asset: return &c.assets;
    case account_type::liability: return &c.liabilities;
    default: return &c.equity;
  }
}

std::vector<member_amount> members_of(const group_books& books, const account_info& account,
                                      const account_nets& nets) {
  std::vector<member_amount> out;
  for (auto it = nets.lower_bound({account.id.value, 0});
       it != nets.end() && it->first.first == account.id.value; ++it) {
    if (it->second == 0) continue;
    const member_info* m = books.member(member_id{it->first.second});
    if (!m) throw error_exception(error(errc::internal, "a balance names a member of another group"));
    out.push_back(member_amount{*m, natural_money(account, it->second)});
  }
  return out;
}

money sum_of(std::initializer_list<money> amounts, iso_currency currency) {
  money_total sum(currency);
  for (const auto& amount : amounts) sum.add(amount);
  return sum.total();
}

money sum_of(const position_section& section, iso_currency currency) {
  money_total sum(currency);
  for (const auto& row : section.rows) sum.add(row.balance);
  return sum.total();
}

balance_sheet_currency currency_sheet(const group_books& books, const account_nets& nets,
                                      const std::map<std::int64_t, int128>& totals, iso_currency currency,
                                      bool with_members) {
  balance_sheet_currency c{currency, {}, {}, {}, money::zero(currency), money::zero(currency)};
  money_total result(currency);
  for (const auto& a : books.accounts) {
    if (!(a.currency == currency)) continue;
    auto it = totals.find(a.id.value);
    if (it == totals.end() || it->second == 0) continue;
    // Income adds to the result and expenses take from it: credit minus debit over both.
    if (a.type == account_type::income || a.type == account_type::expense) {
      result.add(money(narrow(-it->second), currency));
      continue;
    }
    std::vector<member_amount> members;
    if (with_members && a.member_ledger) members = members_of(books, a, nets);
    section_of(c, a.type)->rows.push_back(position_row{a, natural_money(a, it->second), std::move(members)});
  }
  c.current_result = result.total();
  c.assets.total = sum_of(c.assets, currency);
  c.liabilities.total = sum_of(c.liabilities, currency);
  c.equity.total = sum_of({sum_of(c.equity, currency), c.current_result}, currency);
  c.liabilities_and_equity = sum_of({c.liabilities.total, c.equity.total}, currency);
  return c;
}

}  // namespace

balance_sheet build_balance_sheet(const group_books& books, const account_nets& nets,
                                  const std::optional<calendar_date>& as_of, bool with_members) {
  auto totals = per_account(nets);
  balance_sheet out{as_of, {}};
  for (auto currency : books.currencies()) {
    auto c = currency_sheet(books, nets, totals, currency, with_members);
    bool empty = c.assets.rows.empty() && c.liabilities.rows.empty() && c.equity.rows.empty() &&
                 c.current_result.is_zero();
    if (empty && !(currency == books.group.currency)) continue;
    out.currencies.push_back(std::move(c));
  }
  return out;
}

result<balance_sheet> read_balance_sheet(sqlite::connection& db, group_id group,
                                         const std::optional<calendar_date>& as_of, bool with_members) {
  sqlite::read_snapshot snapshot(db);
  auto books = read_group_books(db, group);
  if (!books) return books.error();
  return build_balance_sheet(*books, nets_through(db, group, as_of), as_of, with_members);
}

}  // namespace samaki::ledger
