#include "ledger/groups/closing.hpp"

#include "ledger/store/group_records.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>

namespace samaki::ledger {

result<std::optional<draft_entry>> closing_entry_for(write_context& ctx, const group_state& group,
                                                     calendar_date through) {
  const account_info* surplus = group.account(surplus_account(group.info.kind));
  if (!surplus) return error(errc::unknown_account, "the group has no surplus account to close into");
  auto nets = account_nets_through(ctx, group.info.id, through);
  // Marked, so reports of income and expenses over a period can leave closing entries out.
  draft_entry draft{through,
                    "Closing of income and expenses through " + through.to_string(),
                    {},
                    {},
                    {{"closing", through.to_string()}}};
  std::int64_t into_surplus = 0;  // debit minus credit on the surplus account
  std::vector<const account_info*> ordered;
  for (const auto& [code, account] : group.accounts) ordered.push_back(&account);
  std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->code < b->code; });
  for (const account_info* account : ordered) {
    if (account->type != account_type::income && account->type != account_type::expense) continue;
    auto it = nets.find(account->id.value);
    if (it == nets.end() || it->second == 0) continue;
    if (!(account->currency == surplus->currency))
      return error(errc::currency_mismatch,
                   "account " + account->code + " is in " + std::string(account->currency.code()) +
                       "; close it into an account of that currency first",
                   {{"account", account->code}});
    auto net = it->second;
    auto direction = net > 0 ? side::credit : side::debit;
    auto amount = net > 0 ? net : -net;
    draft.lines.push_back(
        draft_line{account->code, std::nullopt, direction, money(amount, account->currency), ""});
    auto moved = checked_add(into_surplus, net);
    if (!moved) return error(errc::invalid_amount, "the year's result is beyond the range of amounts");
    into_surplus = *moved;
  }
  if (draft.lines.empty()) return std::optional<draft_entry>();
  if (into_surplus != 0) {
    auto direction = into_surplus > 0 ? side::debit : side::credit;
    draft.lines.push_back(
        draft_line{surplus->code, std::nullopt, direction,
                   money(into_surplus > 0 ? into_surplus : -into_surplus, surplus->currency), ""});
  }
  return std::optional<draft_entry>(std::move(draft));
}

}  // namespace samaki::ledger
