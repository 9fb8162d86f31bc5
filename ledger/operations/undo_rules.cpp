#include "ledger/operations/undo_rules.hpp"

#include "ledger/store/operation_records.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger {

result<apply_step> plan_undo_while_last(operation_context& ctx, const operation_record& original) {
  if (later_live_operation(ctx.books().db(), original.group, original.id))
    return error(errc::conflict, "operations were recorded after operation " +
                                     std::to_string(original.id.value) + "; reverse them first");
  return apply_step([](operation_context&) -> result<void> { return {}; });
}

}  // namespace samaki::ledger
