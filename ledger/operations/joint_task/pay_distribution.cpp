// pay_distribution {"member_id"?, "via"?}: a joint-task committee pays out what an allocation gave its
// members: Dr 2020[m] / Cr cash for the whole balance of one member, or of every member owed something when
// none is named; never taking the cash below zero.
#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/store/book_reads.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto payable = chart_account(ctx, "2020");
  if (!payable) return payable.error();
  auto cash = cash_account_of(ctx, f, "via", (*payable)->currency);
  if (!cash) return cash.error();
  std::vector<std::pair<member_id, money>> owed;
  if (f.has("member_id")) {
    auto member = active_member(ctx, f);
    if (!member) return member.error();
    owed.emplace_back(*member, member_balance(ctx, **payable, *member));
  } else {
    for (const auto& [key, balance] : balances_as_of(ctx.books().db(), ctx.info().id, std::nullopt))
      if (key.first == (*payable)->id.value && key.second != 0)
        owed.emplace_back(member_id{key.second}, money(-balance, (*payable)->currency));
  }
  std::vector<draft_line> paid;
  money total = money::zero((*payable)->currency);
  for (const auto& [member, amount] : owed) {
    if (!amount.is_positive()) continue;
    paid.push_back(line_of("2020", member, side::debit, amount));
    total = plus(total, amount);
  }
  if (!total.is_positive())
    return f.invalid("member_id", errc::bad_request, "no distribution is owed to pay");
  if (auto can = check_can_pay(**cash, balance_of(ctx.books(), **cash), total); !can) return can.error();
  return post_entries(entries_within_line_limit(ctx.date(), memo_or(ctx, "Distribution paid"), (*cash)->code,
                                                side::credit, balancing_line::last, paid));
}

}  // namespace

const operation_type pay_distribution{"pay_distribution",
                                      {group_kind::joint_task},
                                      {{"member_id", field_type::id, false, {}, {}, "member"},
                                       {"via", field_type::text, false, {}, {}, "account"}},
                                      {"2020", "1010", "1020"},
                                      plan,
                                      nullptr};

}  // namespace samaki::ledger::operations
