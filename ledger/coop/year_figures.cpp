#include "ledger/coop/year_figures.hpp"

#include "ledger/store/book_reads.hpp"
#include "ledger/store/report_reads.hpp"
#include "ledger/store/rows.hpp"

namespace samaki::ledger {

calendar_date last_day_of_year(int year) {
  return calendar_date::from_ymd(year, 12, 31);
}

calendar_date first_day_of_year(int year) {
  return calendar_date::from_ymd(year, 1, 1);
}

year_figures read_year_figures(sqlite::connection& db, const group_info& group, int year,
                               std::optional<calendar_date> as_of) {
  sqlite::read_snapshot snapshot(db);
  const auto through = as_of.value_or(last_day_of_year(year));
  year_figures out;
  out.year = year;
  std::int64_t surplus = 0;
  auto balances = balances_as_of(db, group.id, through);
  std::optional<std::int64_t> capital_account, inputs_sold, produce_bought;
  for (const auto& a : load_accounts(db, group.id)) {
    if (a.code == "3010") capital_account = a.id.value;
    if (a.code == "4010") inputs_sold = a.id.value;
    if (a.code == "5020") produce_bought = a.id.value;
    if ((a.type != account_type::income && a.type != account_type::expense) ||
        !(a.currency == group.currency))
      continue;
    if (auto it = balances.find({a.id.value, 0}); it != balances.end()) surplus -= it->second;
  }
  out.surplus = money(surplus, group.currency);
  for (const auto& [key, balance] : balances)
    if (capital_account && key.first == *capital_account && key.second != 0 && balance != 0)
      out.share_capital[key.second] = -balance;
  // A member's business: inputs sold to them (credits to 4010) and produce bought from them (debits to 5020).
  for (const auto& [key, net] : attributed_movements(db, group.id, first_day_of_year(year), through)) {
    const auto [account, member] = key;
    if (member == 0) continue;
    if (account == inputs_sold) out.business[member] -= static_cast<std::int64_t>(net);
    if (account == produce_bought) out.business[member] += static_cast<std::int64_t>(net);
  }
  return out;
}

}  // namespace samaki::ledger
