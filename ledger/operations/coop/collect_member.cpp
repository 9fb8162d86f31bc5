// collect_member {"member_id", "amount"?, "via"?}: a member pays what they owe for inputs bought on credit,
// Dr cash / Cr 1110[m]; the whole debt when no amount is given; more is an overpayment.
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/coop/member_money.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  return plan_member_money(ctx, f, {"1110", true, errc::overpayment, "Collected from"});
}

}  // namespace

const operation_type collect_member{"collect_member",
                                    {group_kind::agri_cooperative},
                                    member_money_fields(false),
                                    {"1110", "1010", "1020"},
                                    plan,
                                    nullptr};

}  // namespace samaki::ledger::operations
