// One member's movement between meetings (operations.md): shares, social_fund, fine, loan, repayment and
// grant, each checked and posted by the same planner as the meeting, without attendance.
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/savings/movement_fields.hpp"
#include "ledger/operations/savings/movements.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>

namespace samaki::ledger::operations {
namespace {

const field_spec member_field{"member_id", field_type::id, true, {}, {}, "member"};

// Plans one member's movements, as `fill` reads them from the request.
template <class Fill>
result<apply_step> plan_single(operation_context& ctx, member_id member, Fill fill) {
  auto cycle = open_cycle_on(ctx, ctx.date());
  if (!cycle) return cycle.error();
  member_movements m;
  m.member = member;
  m.path = "";
  if (auto filled = fill(m, ctx.info().currency); !filled) return filled.error();
  return plan_movements(ctx, *cycle, {std::move(m)}, counted_cash{}, false);
}

result<apply_step> plan_shares(operation_context& ctx, const field_reader& f) {
  return plan_single(ctx, f.id<member_id>("member_id"),
                     [&](member_movements& m, iso_currency) -> result<void> {
                       m.shares = static_cast<int>(std::clamp<std::int64_t>(f.integer("shares"), -1, 1000));
                       return {};
                     });
}

result<apply_step> plan_social_fund(operation_context& ctx, const field_reader& f) {
  return plan_single(ctx, f.id<member_id>("member_id"),
                     [](member_movements& m, iso_currency) -> result<void> {
                       m.social_fund = true;
                       return {};
                     });
}

result<apply_step> plan_fine(operation_context& ctx, const field_reader& f) {
  return plan_single(ctx, f.id<member_id>("member_id"),
                     [&](member_movements& m, iso_currency c) -> result<void> {
                       auto code = f.optional_text("fine");
                       auto amount = f.optional_amount("amount", c);
                       if (!amount) return amount.error();
                       if (code.has_value() == amount->has_value())
                         return f.invalid("fine", errc::bad_request,
                                          "a fine names either a fine type of the cycle or an amount");
                       if (code) m.fines.push_back(*code);
                       if (*amount) {
                         if (!(*amount)->is_positive())
                           return f.invalid("amount", errc::invalid_amount, "a fine must be positive");
                         m.ad_hoc_fines.push_back(**amount);
                       }
                       return {};
                     });
}

result<apply_step> plan_loan(operation_context& ctx, const field_reader& f) {
  return plan_single(ctx, f.id<member_id>("member_id"),
                     [&](member_movements& m, iso_currency c) -> result<void> {
                       auto amount = f.amount("amount", c);
                       if (!amount) return amount.error();
                       m.loan = member_movements::loan_request{
                           *amount, static_cast<int>(std::clamp<std::int64_t>(f.integer("months"), -1, 1000)),
                           f.optional_text("purpose").value_or(""), ""};
                       return {};
                     });
}

result<apply_step> plan_repayment(operation_context& ctx, const field_reader& f) {
  auto loan = loan_of_request(ctx, f);
  if (!loan) return loan.error();
  return plan_single(ctx, loan->member, [&](member_movements& m, iso_currency c) -> result<void> {
    auto amount = f.amount("amount", c);
    if (!amount) return amount.error();
    m.repay.push_back(member_movements::repayment_request{loan->id, *amount, ""});
    return {};
  });
}

result<apply_step> plan_grant(operation_context& ctx, const field_reader& f) {
  return plan_single(ctx, f.id<member_id>("member_id"),
                     [&](member_movements& m, iso_currency c) -> result<void> {
                       auto amount = f.amount("amount", c);
                       if (!amount) return amount.error();
                       m.grant = member_movements::grant_request{*amount, f.text("reason"), ""};
                       return {};
                     });
}

}  // namespace

const operation_type shares{"shares",
                            {group_kind::savings_group},
                            {member_field, {"shares", field_type::integer, true}},
                            {"1010", "3010"},
                            plan_shares,
                            nullptr};

const operation_type social_fund{
    "social_fund", {group_kind::savings_group}, {member_field}, {"1020", "3030"}, plan_social_fund, nullptr};

const operation_type fine{
    "fine",
    {group_kind::savings_group},
    {member_field, {"fine", field_type::text, false, {}, {}, "fine"}, {"amount", field_type::amount, false}},
    {"1010", "4020"},
    plan_fine,
    nullptr};

const operation_type loan{"loan",
                          {group_kind::savings_group},
                          {member_field,
                           {"amount", field_type::amount, true},
                           {"months", field_type::integer, true},
                           {"purpose", field_type::text, false}},
                          {"1100", "1010"},
                          plan_loan,
                          plan_undo_loans_made};

const operation_type repayment{"repayment",
                               {group_kind::savings_group},
                               {{"loan_id", field_type::id, true, {}, {}, "loan"},
                                {"amount", field_type::amount, true},
                                {"member_id", field_type::id, false, {}, {}, "member"}},
                               {"1010", "4010", "1100"},
                               plan_repayment,
                               nullptr};

const operation_type grant{
    "grant",
    {group_kind::savings_group},
    {member_field, {"amount", field_type::amount, true}, {"reason", field_type::text, true}},
    {"3030", "1020"},
    plan_grant,
    nullptr};

}  // namespace samaki::ledger::operations
