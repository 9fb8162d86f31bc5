#pragma once
// How reversing an operation undoes what it keeps beside the journal, where types share a rule.
#include "ledger/operations/operation.hpp"

namespace samaki::ledger {

// Settings and decisions later work was recorded under (a cycle, its settings, by-laws, an allocation):
// undone only while nothing was recorded after them, else conflict. Their own rows stop counting by
// themselves once the operation is reversed.
result<apply_step> plan_undo_while_last(operation_context& ctx, const operation_record& original);

}  // namespace samaki::ledger
