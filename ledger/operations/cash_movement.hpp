#pragma once
// One entry between a cash box or bank account and an income or expense account of the group, with the
// member it is for as attribution: expense and income (every kind), a cooperative's or committee's grant,
// and a committee's expense with the days its members worked.
#include "ledger/operations/operation.hpp"

#include <string_view>
#include <vector>

namespace samaki::ledger {

// {"account" (default `default_account` when given), "amount", cash_field (1010 when left out),
// "member_id"?}: Dr the expense / Cr cash, or Dr cash / Cr the income. Paying never takes cash below zero.
result<apply_step> plan_cash_movement(operation_context& ctx, const field_reader& f, account_type type,
                                      std::string_view cash_field, std::string_view default_account = {});

// The fields of an expense: {"account", "amount", "from"?, "member_id"?}.
std::vector<field_spec> expense_fields();

}  // namespace samaki::ledger
