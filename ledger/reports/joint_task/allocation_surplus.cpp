#include "ledger/reports/joint_task/allocation_surplus.hpp"

#include "ledger/store/allocation_records.hpp"
#include "ledger/store/book_reads.hpp"
#include "ledger/store/rows.hpp"

namespace samaki::ledger {

allocation_surplus read_allocation_surplus(sqlite::connection& db, const group_info& group,
                                           calendar_date day) {
  sqlite::read_snapshot snapshot(db);
  const auto balances = balances_as_of(db, group.id, day);
  std::int64_t carried = 0, result = 0;  // credit balances
  for (const auto& a : load_accounts(db, group.id)) {
    if (!(a.currency == group.currency)) continue;
    const bool result_account = a.type == account_type::income || a.type == account_type::expense;
    if (!result_account && a.code != "3060") continue;
    auto it = balances.find({a.id.value, 0});
    if (it == balances.end()) continue;
    (result_account ? result : carried) -= it->second;
  }
  allocation_surplus out{day, std::nullopt, money(carried, group.currency), money(result, group.currency),
                         money(carried + result, group.currency)};
  auto allocations = load_allocations(db, group.id, group.currency);
  if (!allocations.empty()) out.last_allocation = allocations.back().date;
  return out;
}

}  // namespace samaki::ledger
