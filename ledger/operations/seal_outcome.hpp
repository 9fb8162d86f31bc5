#pragma once
// The seal of a period an operation closed, as that operation answers it beside its entries:
// {"head", "code", "words": [6 English words], "words_km": [6 Khmer words]}.
#include "ledger/groups/group.hpp"
#include "ledger/operations/fields.hpp"

namespace samaki::ledger {

field_map seal_fields(const period_info& period);

}  // namespace samaki::ledger
