// share_capital {"member_id", "amount", "direction": "buy"|"redeem", "via"?}: a member buys share capital
// (Dr cash / Cr 3010[m]) or the cooperative redeems it (Dr 3010[m] / Cr cash), never more than they hold.
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/coop/member_money.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  const bool buy = f.text("direction") == "buy";
  return plan_member_money(
      ctx, f,
      buy ? member_money_rule{"3010", true, std::nullopt, "Share capital bought"}
          : member_money_rule{"3010", false, errc::insufficient_funds, "Share capital redeemed"});
}

std::vector<field_spec> fields() {
  auto specs = member_money_fields(true);
  specs.push_back({"direction", field_type::choice, true, {"buy", "redeem"}});
  return specs;
}

}  // namespace

const operation_type share_capital{
    "share_capital", {group_kind::agri_cooperative}, fields(), {"3010", "1010", "1020"}, plan, nullptr};

}  // namespace samaki::ledger::operations
