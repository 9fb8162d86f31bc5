#include "ledger/operations/catalog.hpp"

namespace samaki::ledger {

const std::vector<const operation_type*>& all_operation_types() {
  static const std::vector<const operation_type*> types = {
      &operations::meeting,        &operations::shares,      &operations::social_fund,
      &operations::fine,           &operations::loan,        &operations::repayment,
      &operations::grant,          &operations::expense,     &operations::income,
      &operations::transfer,       &operations::cycle_start, &operations::cycle_settings_change,
      &operations::loan_write_off, &operations::member_exit, &operations::opening_balances,
      &operations::share_out,
  };
  return types;
}

}  // namespace samaki::ledger
