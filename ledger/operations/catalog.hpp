#pragma once
// Every operation type, one per file in this folder; the catalog lists them in the order forms show them.
#include "ledger/operations/operation.hpp"

namespace samaki::ledger::operations {

// Every kind of group.
extern const operation_type transfer;
extern const operation_type expense;
extern const operation_type income;

// Savings groups.
extern const operation_type cycle_start;
extern const operation_type cycle_settings_change;
extern const operation_type meeting;
extern const operation_type shares;
extern const operation_type social_fund;
extern const operation_type fine;
extern const operation_type loan;
extern const operation_type repayment;
extern const operation_type grant;
extern const operation_type loan_write_off;
extern const operation_type member_exit;
extern const operation_type opening_balances;
extern const operation_type share_out;

}  // namespace samaki::ledger::operations
