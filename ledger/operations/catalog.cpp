#include "ledger/operations/catalog.hpp"

namespace samaki::ledger {

const std::vector<const operation_type*>& all_operation_types() {
  static const std::vector<const operation_type*> types = {
      &operations::transfer,
  };
  return types;
}

}  // namespace samaki::ledger
