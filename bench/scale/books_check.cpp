#include "bench/scale/books_check.hpp"

#include "ledger/reports/verify.hpp"
#include "ledger/store/queries.hpp"

namespace samaki::bench {

using namespace samaki::ledger;

books_checked check_books(sqlite::connection& db,
                          const std::function<void(std::int64_t, std::int64_t)>& checked) {
  books_checked out;
  sqlite::read_snapshot snapshot(db);
  auto report = verify_all(db, std::nullopt, [&](group_id, std::size_t done, std::size_t total) {
    if (checked) checked(static_cast<std::int64_t>(done), static_cast<std::int64_t>(total));
  });
  for (const auto& chain : report.chains)
    if (!chain.ok)
      out.problems.push_back("group " + std::to_string(chain.group.value) + ": chain broken at entry " +
                             std::to_string(chain.first_bad_seq.value_or(0)) + ": " + chain.problem);
  for (const auto& p : report.balances)
    out.problems.push_back("group " + std::to_string(p.group.value) + ": running balance of " + p.account +
                           " is " + std::to_string(p.stored) + ", its lines sum to " +
                           std::to_string(p.recomputed));
  for (const auto& g : list_groups(db, std::nullopt)) {
    ++out.groups;
    for (const auto& c : trial_balance(db, g.id, std::nullopt))
      if (compare(c.total_debit, c.total_credit) != 0)
        out.problems.push_back("group " + std::to_string(g.id.value) + ": trial balance in " +
                               std::string(c.currency.code()) + " is off: debits " +
                               c.total_debit.amount_text() + ", credits " + c.total_credit.amount_text());
  }
  if (out.groups == 0) out.problems.push_back("no groups at all");
  return out;
}

}  // namespace samaki::bench
