// expense {"account", "amount", "from"?, "member_id"?} and income {"account", "amount", "to"?, "member_id"?}:
// money paid out of or into a cash box or bank account (1010 when left out) for an expense (5xxx) or an
// income (4xxx) account of the group; a member named is attribution (whose expense, whose income). Income for
// every kind; expense for savings groups and cooperatives (a joint-task committee's expense also takes the
// days its members worked: joint_task/labour_expense.cpp).
#include "ledger/operations/cash_movement.hpp"
#include "ledger/operations/catalog.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan_expense(operation_context& ctx, const field_reader& f) {
  return plan_cash_movement(ctx, f, account_type::expense, "from");
}

result<apply_step> plan_income(operation_context& ctx, const field_reader& f) {
  return plan_cash_movement(ctx, f, account_type::income, "to");
}

}  // namespace

const operation_type expense{
    "expense",
    {group_kind::savings_group, group_kind::agri_cooperative},
    expense_fields(),
    {"5010", "5020", "5030", "5040", "5050", "5060", "5070", "5080", "1010", "1020", "1030"},
    plan_expense,
    nullptr};

const operation_type income{"income",
                            {group_kind::savings_group, group_kind::agri_cooperative, group_kind::joint_task},
                            {{"account", field_type::text, true, {}, {}, "account"},
                             {"amount", field_type::amount, true},
                             {"to", field_type::text, false, {}, {}, "account"},
                             {"member_id", field_type::id, false, {}, {}, "member"}},
                            {"4030", "4050", "4060", "1010", "1020", "1030"},
                            plan_income,
                            nullptr};

}  // namespace samaki::ledger::operations
