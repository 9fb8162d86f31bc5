// pay_member {"member_id", "amount"?, "account"?, "via"?}: the cooperative pays what it owes a member:
// produce bought on credit (2020, the default), a patronage refund (2050) or a dividend (2060) after the
// year end. Dr account[m] / Cr cash; the whole balance when no amount is given; more is an overpayment.
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/coop/member_money.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto account = f.optional_text("account").value_or("2020");
  std::string_view memo = account == "2050"   ? "Patronage refund paid"
                          : account == "2060" ? "Dividend paid"
                                              : "Produce paid for";
  return plan_member_money(ctx, f, {account, false, errc::overpayment, memo});
}

std::vector<field_spec> fields() {
  auto specs = member_money_fields(false);
  specs.push_back({"account", field_type::choice, false, {"2020", "2050", "2060"}, {}, "account"});
  return specs;
}

}  // namespace

const operation_type pay_member{"pay_member", {group_kind::agri_cooperative},
                                fields(),     {"2020", "2050", "2060", "1010", "1020"},
                                plan,         nullptr};

}  // namespace samaki::ledger::operations
