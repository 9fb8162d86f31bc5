// loan_repayment {"loan_id", "amount", "member_id"?, "via"?}: a member repays a cooperative loan: the
// interest due first (Cr 4040, attributed), then principal (Cr 1100[m]), Dr cash; never more than is owed.
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/operations/savings/movement_fields.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto loan = loan_of_request(ctx, f);
  if (!loan) return loan.error();
  const auto id = loan->id;
  auto cash = cash_account_of(ctx, f, "via", ctx.info().currency);
  if (!cash) return cash.error();
  auto amount = positive_amount(f, "amount", ctx.info().currency);
  if (!amount) return amount.error();
  auto split = split_repayment(*loan, ctx.date(), *amount);
  if (!split) {
    auto e = split.error();
    e.details.emplace_back("field", "amount");
    return e;
  }
  draft_entry e{ctx.date(),
                memo_or(ctx, "Repayment of loan " + std::to_string(id.value)),
                {line_of((*cash)->code, std::nullopt, side::debit, *amount)},
                std::nullopt,
                {}};
  if (split->interest.is_positive())
    e.lines.push_back(line_of("4040", loan->member, side::credit, split->interest));
  if (split->principal.is_positive())
    e.lines.push_back(line_of("1100", loan->member, side::credit, split->principal));
  return apply_step([e = std::move(e), id, split = *split](operation_context& run) -> result<void> {
    if (auto posted = run.post(e); !posted) return posted.error();
    insert_loan_payment(
        run.books(), id,
        loan_payment{run.date(), split.interest, split.principal, payment_kind::repayment, run.id()});
    run.outcome()["loan_id"] = field_value{id.value};
    run.outcome()["interest"] = field_value{split.interest.amount_text()};
    run.outcome()["principal"] = field_value{split.principal.amount_text()};
    return {};
  });
}

}  // namespace

const operation_type loan_repayment{"loan_repayment",
                                    {group_kind::agri_cooperative},
                                    {{"loan_id", field_type::id, true, {}, {}, "loan"},
                                     {"amount", field_type::amount, true},
                                     {"member_id", field_type::id, false, {}, {}, "member"},
                                     {"via", field_type::text, false, {}, {}, "account"}},
                                    {"1010", "4040", "1100"},
                                    plan,
                                    nullptr};

}  // namespace samaki::ledger::operations
