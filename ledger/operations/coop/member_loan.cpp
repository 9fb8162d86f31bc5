// member_loan {"member_id", "amount", "months", "percent_per_month", "method"?, "purpose"?, "via"?}: a loan
// to a member out of the cooperative's cash, Dr 1100[m] / Cr cash, on the schedule savings groups use
// (ledger/savings/loans.hpp) with the rate and method given here: a cooperative's loans belong to no cycle.
// GET .../loans lists them. Reversed only while no repayment stands on it.
#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/operations/savings/movement_fields.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

constexpr std::int64_t max_months = 60;

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto member = active_member(ctx, f);
  if (!member) return member.error();
  auto cash = cash_account_of(ctx, f, "via", ctx.info().currency);
  if (!cash) return cash.error();
  auto amount = positive_amount(f, "amount", ctx.info().currency);
  if (!amount) return amount.error();
  auto months = f.integer("months");
  if (months < 1 || months > max_months)
    return f.invalid("months", errc::bad_request,
                     "a loan runs 1 to " + std::to_string(max_months) + " months");
  auto rate = monthly_rate::parse(f.text("percent_per_month"));
  if (!rate)
    return f.invalid("percent_per_month", errc::bad_request,
                     "percent_per_month must be a percentage from 0 to 100, e.g. \"2\" or \"2.5\"");
  auto method = parse_interest_method(f.optional_text("method").value_or("flat"));
  if (auto can = check_can_pay(**cash, balance_of(ctx.books(), **cash), *amount); !can) return can.error();
  loan_record loan{loan_id{},
                   ctx.info().id,
                   *member,
                   std::nullopt,
                   ctx.id(),
                   loan_terms{*amount, ctx.date(), static_cast<int>(months), *rate, *method},
                   f.optional_text("purpose").value_or(""),
                   {}};
  draft_entry e{ctx.date(),
                memo_or(ctx, "Loan to member " + std::to_string(member->value)),
                {line_of("1100", *member, side::debit, *amount),
                 line_of((*cash)->code, std::nullopt, side::credit, *amount)},
                std::nullopt,
                {}};
  return apply_step([e = std::move(e), loan = std::move(loan)](operation_context& run) -> result<void> {
    if (auto posted = run.post(e); !posted) return posted.error();
    auto id = insert_loan(run.books(), loan);
    run.outcome()["loans"] = field_value{
        field_list{field_value{field_map{{"loan_id", field_value{id.value}},
                                         {"member_id", field_value{loan.member.value}},
                                         {"amount", field_value{loan.terms.principal.amount_text()}}}}}};
    return {};
  });
}

}  // namespace

const operation_type member_loan{"member_loan",
                                 {group_kind::agri_cooperative},
                                 {{"member_id", field_type::id, true, {}, {}, "member"},
                                  {"amount", field_type::amount, true},
                                  {"months", field_type::integer, true},
                                  {"percent_per_month", field_type::text, true},
                                  {"method", field_type::choice, false, {"flat", "declining"}},
                                  {"purpose", field_type::text, false},
                                  {"via", field_type::text, false, {}, {}, "account"}},
                                 {"1100", "1010", "1020"},
                                 plan,
                                 plan_undo_loans_made};

}  // namespace samaki::ledger::operations
