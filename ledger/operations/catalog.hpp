#pragma once
// Every operation type, one per file in this folder; the catalog lists them in the order forms show them.
#include "ledger/operations/operation.hpp"

namespace samaki::ledger::operations {

extern const operation_type transfer;

}  // namespace samaki::ledger::operations
