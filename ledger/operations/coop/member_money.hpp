#pragma once
// Money between one member and the cooperative's cash, on one of the member's own ledgers: share capital
// bought or redeemed (3010), savings deposited or withdrawn (2030), what the cooperative owes a member paid
// (2020, 2050, 2060) and what a member owes collected (1110). Shared by those operations so each checks the
// same way: the member is one of the group's, cash paid out never takes the cash box below zero, and
// nothing is taken off a member's ledger beyond what it holds for them.
#include "ledger/operations/operation.hpp"

#include <optional>
#include <string_view>

namespace samaki::ledger {

struct member_money_rule {
  std::string_view account;  // the member ledger: 3010, 2030, 2020, 1110, ...
  bool into_cash = true;     // money comes into the cash box (buy, deposit, collect) or goes out of it
  // The code when more is asked than the member's balance holds; none when the movement adds to it.
  std::optional<errc> beyond_balance;
  std::string_view memo;  // e.g. "Share capital bought"
};

// {"member_id", "amount" (the member's whole balance when left out and the rule has a limit), "via"?}.
result<apply_step> plan_member_money(operation_context& ctx, const field_reader& f,
                                     const member_money_rule& rule);

// The fields of such an operation; `amount_required` when the movement adds to the member's balance.
std::vector<field_spec> member_money_fields(bool amount_required);

}  // namespace samaki::ledger
