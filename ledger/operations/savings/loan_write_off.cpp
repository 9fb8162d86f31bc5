// loan_write_off {"loan_id", "reason"}: a loan that will not be repaid leaves the books: Dr 5020 / Cr 1100[m]
// for the outstanding principal. Interest never collected was never income, so nothing else moves.
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/savings/movement_fields.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto loan = loan_of_request(ctx, f);
  if (!loan) return loan.error();
  const auto id = loan->id;
  auto position = position_at(*loan, ctx.date());
  if (position.status != loan_status::open)
    return error(errc::conflict,
                 "loan " + std::to_string(id.value) + " is " + std::string(loan_status_name(position.status)),
                 {{"loan_id", std::to_string(id.value)}});
  auto reason = f.text("reason");
  if (reason.empty()) return f.invalid("reason", errc::bad_request, "a write-off needs a reason");
  auto memo = ctx.request().memo.empty() ? "Loan " + std::to_string(id.value) + " written off: " + reason
                                         : ctx.request().memo;
  draft_entry e{ctx.date(),
                memo,
                {draft_line{"5020", loan->member, side::debit, position.outstanding, ""},
                 draft_line{"1100", loan->member, side::credit, position.outstanding, ""}},
                std::nullopt,
                {}};
  return apply_step(
      [e = std::move(e), id, outstanding = position.outstanding](operation_context& run) -> result<void> {
        if (auto posted = run.post(e); !posted) return posted.error();
        insert_loan_payment(run.books(), id,
                            loan_payment{run.date(), money::zero(outstanding.currency()), outstanding,
                                         payment_kind::write_off, run.id()});
        run.outcome()["loan_id"] = field_value{id.value};
        run.outcome()["written_off"] = field_value{outstanding.amount_text()};
        return {};
      });
}

}  // namespace

const operation_type loan_write_off{
    "loan_write_off",
    {group_kind::savings_group},
    {{"loan_id", field_type::id, true, {}, {}, "loan"}, {"reason", field_type::text, true}},
    {"5020", "1100"},
    plan,
    nullptr};

}  // namespace samaki::ledger::operations
