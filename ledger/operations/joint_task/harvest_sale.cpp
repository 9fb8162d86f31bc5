// harvest_sale {"crop", "quantity_kg", "price_per_kg", "buyer", "currency"?, "rate"?, "via"?}: a joint-task
// committee sells its harvest for cash: Dr cash in the sale's currency / Cr 4010 (in dollars: booked in the
// group's currency at `rate` through 3900/3901, trades.hpp).
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/trades.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  return plan_weighed_sale(ctx, f, "4010", "");
}

}  // namespace

const operation_type harvest_sale{"harvest_sale",
                                  {group_kind::joint_task},
                                  weighed_sale_fields(false),
                                  {"4010", "1010", "1011", "3900", "3901"},
                                  plan,
                                  nullptr};

}  // namespace samaki::ledger::operations
