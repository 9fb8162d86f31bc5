// withdrawal {"member_id", "amount"?, "via"?}: a member takes out savings, Dr 2030[m] / Cr cash; never more
// than they saved (insufficient_funds); the whole deposit when no amount is given.
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/coop/member_money.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  return plan_member_money(ctx, f, {"2030", false, errc::insufficient_funds, "Savings withdrawal"});
}

}  // namespace

const operation_type withdrawal{
    "withdrawal", {group_kind::agri_cooperative}, member_money_fields(false), {"2030", "1010", "1020"}, plan,
    nullptr};

}  // namespace samaki::ledger::operations
