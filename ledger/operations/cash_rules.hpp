#pragma once
// Rules about cash that many operations share: which accounts hold cash, and that no cash box or bank
// account is taken below zero.
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/money.hpp"

#include <string_view>

namespace samaki::ledger {

class write_context;
struct group_state;

// Cash boxes and bank accounts: the group's asset accounts coded 10xx (1010, 1011, 1020, 1030, ...).
bool holds_cash(const account_info& account);

// The account's balance in its natural sign, as money.
money balance_of(write_context& books, const account_info& account);

// insufficient_funds unless `account` can pay `amount` out of `available` (its balance before the payment,
// plus what the same operation brought in first). Details name the account, what it holds and what is asked.
result<void> check_can_pay(const account_info& account, const money& available, const money& amount);

}  // namespace samaki::ledger
