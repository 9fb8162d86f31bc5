// produce_sale {"buyer", "crop", "quantity_kg", "price_per_kg", "currency"?, "rate"?, "via"?, "on_credit"?}:
// the cooperative sells its members' produce together: Dr cash in the sale's currency (1011 for dollars in a
// riel cooperative) or 1120 on credit / Cr 4020; a sale in dollars is booked in riel at `rate` through
// 3900/3901 (trades.hpp).
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/trades.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  return plan_weighed_sale(ctx, f, "4020", "1120");
}

}  // namespace

const operation_type produce_sale{"produce_sale",
                                  {group_kind::agri_cooperative},
                                  weighed_sale_fields(true),
                                  {"4020", "1010", "1011", "1120", "3900", "3901"},
                                  plan,
                                  nullptr};

}  // namespace samaki::ledger::operations
