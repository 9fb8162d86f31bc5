// meeting {"members": [{"member_id", "attendance", "shares", "social_fund", "fines", "repay", "loan",
// "grant"}],
//          "counted": {"loan_fund", "social_fund"}}: a savings group's whole meeting as one operation,
//          refused
// as a whole with the member and the rule named (operations.md, "The meeting").
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/savings/movement_fields.hpp"
#include "ledger/operations/savings/movements.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto cycle = open_cycle_on(ctx, ctx.date());
  if (!cycle) return cycle.error();
  auto currency = ctx.info().currency;
  std::vector<member_movements> members;
  for (const auto& m : f.objects("members")) {
    auto movements = read_member_movements(m, currency);
    if (!movements) return movements.error();
    members.push_back(std::move(*movements));
  }
  counted_cash counted;
  if (auto c = f.object("counted")) {
    auto loan_fund = c->optional_amount("loan_fund", currency);
    if (!loan_fund) return loan_fund.error();
    auto social_fund = c->optional_amount("social_fund", currency);
    if (!social_fund) return social_fund.error();
    counted = counted_cash{*loan_fund, *social_fund};
  }
  return plan_movements(ctx, *cycle, std::move(members), counted, true);
}

}  // namespace

const operation_type meeting{
    "meeting",
    {group_kind::savings_group},
    {
        {"members",
         field_type::list,
         false,
         {},
         {{"member", field_type::object, true, {}, meeting_member_fields()}}},
        {"counted",
         field_type::object,
         false,
         {},
         {{"loan_fund", field_type::amount, false}, {"social_fund", field_type::amount, false}}},
    },
    {"1010", "1020", "1100", "3010", "3030", "4010", "4020"},
    plan,
    plan_undo_loans_made,
};

}  // namespace samaki::ledger::operations
