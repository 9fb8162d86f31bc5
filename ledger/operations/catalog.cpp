#include "ledger/operations/catalog.hpp"

namespace samaki::ledger {

const std::vector<const operation_type*>& all_operation_types() {
  static const std::vector<const operation_type*> types = {
      &operations::meeting,
      &operations::shares,
      &operations::social_fund,
      &operations::fine,
      &operations::loan,
      &operations::repayment,
      &operations::grant,
      &operations::expense,
      &operations::income,
      &operations::transfer,
      &operations::cycle_start,
      &operations::cycle_settings_change,
      &operations::loan_write_off,
      &operations::member_exit,
      &operations::opening_balances,
      &operations::share_out,
      // Cooperatives.
      &operations::share_capital,
      &operations::entry_fee,
      &operations::input_purchase,
      &operations::input_sale,
      &operations::produce_purchase,
      &operations::produce_sale,
      &operations::member_loan,
      &operations::loan_repayment,
      &operations::deposit,
      &operations::withdrawal,
      &operations::pay_member,
      &operations::collect_member,
      &operations::income_grant,
      &operations::exchange,
      &operations::bylaws_change,
      &operations::year_end,
      // Joint-task committees.
      &operations::harvest_sale,
      &operations::labour_expense,
      &operations::allocation,
      &operations::pay_distribution,
  };
  return types;
}

}  // namespace samaki::ledger
