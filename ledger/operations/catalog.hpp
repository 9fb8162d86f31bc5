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

// Agriculture cooperatives (and, where marked, joint-task committees).
extern const operation_type share_capital;
extern const operation_type entry_fee;
extern const operation_type input_purchase;
extern const operation_type input_sale;
extern const operation_type produce_purchase;
extern const operation_type produce_sale;
extern const operation_type member_loan;
extern const operation_type loan_repayment;
extern const operation_type deposit;
extern const operation_type withdrawal;
extern const operation_type pay_member;
extern const operation_type collect_member;
extern const operation_type income_grant;  // "grant" of cooperatives and committees
extern const operation_type exchange;      // cooperatives and committees
extern const operation_type bylaws_change;
extern const operation_type year_end;

// Joint-task committees.
extern const operation_type harvest_sale;
extern const operation_type labour_expense;  // their "expense", with work days
extern const operation_type allocation;
extern const operation_type pay_distribution;

}  // namespace samaki::ledger::operations
