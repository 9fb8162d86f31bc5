// deposit {"member_id", "amount", "via"?}: a member's savings deposit, Dr cash / Cr 2030[m].
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/coop/member_money.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  return plan_member_money(ctx, f, {"2030", true, std::nullopt, "Savings deposit"});
}

}  // namespace

const operation_type deposit{
    "deposit", {group_kind::agri_cooperative}, member_money_fields(true), {"2030", "1010", "1020"}, plan,
    nullptr};

}  // namespace samaki::ledger::operations
