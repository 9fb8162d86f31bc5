// grant {"amount", "account"?, "to"?, "member_id"?}: a grant received by a cooperative or a joint-task
// committee (4060 unless another income account is named), Dr cash / Cr 4xxx. A savings group's grant is a
// social-fund payment to a member instead (savings/single_movements.cpp): the group's kind decides.
#include "ledger/operations/cash_movement.hpp"
#include "ledger/operations/catalog.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  return plan_cash_movement(ctx, f, account_type::income, "to", "4060");
}

}  // namespace

const operation_type income_grant{"grant",
                                  {group_kind::agri_cooperative, group_kind::joint_task},
                                  {{"amount", field_type::amount, true},
                                   {"account", field_type::text, false, {}, {}, "account"},
                                   {"to", field_type::text, false, {}, {}, "account"},
                                   {"member_id", field_type::id, false, {}, {}, "member"}},
                                  {"4060", "1010", "1020"},
                                  plan,
                                  nullptr};

}  // namespace samaki::ledger::operations
