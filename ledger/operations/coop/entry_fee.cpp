// entry_fee {"member_id", "amount", "via"?}: a new member's entry fee, Dr cash / Cr 3020 (attributed).
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/money_moves.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto member = active_member(ctx, f);
  if (!member) return member.error();
  auto cash = cash_account_of(ctx, f, "via", ctx.info().currency);
  if (!cash) return cash.error();
  auto amount = positive_amount(f, "amount", (*cash)->currency);
  if (!amount) return amount.error();
  draft_entry e{ctx.date(),
                memo_or(ctx, "Entry fee: member " + std::to_string(member->value)),
                {line_of((*cash)->code, std::nullopt, side::debit, *amount),
                 line_of("3020", *member, side::credit, *amount)},
                std::nullopt,
                {}};
  return post_entries({std::move(e)});
}

}  // namespace

const operation_type entry_fee{"entry_fee",
                               {group_kind::agri_cooperative},
                               {{"member_id", field_type::id, true, {}, {}, "member"},
                                {"amount", field_type::amount, true},
                                {"via", field_type::text, false, {}, {}, "account"}},
                               {"3020", "1010", "1020"},
                               plan,
                               nullptr};

}  // namespace samaki::ledger::operations
