#pragma once
// The fields one member's movements take, in a meeting's `members` list and in the single operations, and
// reading them into member_movements; and undoing the loans an operation made when it is reversed.
#include "ledger/operations/fields.hpp"
#include "ledger/operations/operation.hpp"
#include "ledger/operations/savings/movements.hpp"

#include <vector>

namespace samaki::ledger {

// member_id, attendance, shares, social_fund, fines, repay, loan, grant.
std::vector<field_spec> meeting_member_fields();

// One member of a meeting (or the member of a single operation), amounts in the group's currency.
result<member_movements> read_member_movements(const field_reader& f, iso_currency currency);

// The loan named by "loan_id": one of this group's (not_found otherwise), and the member's when the request
// names one in "member_id" too (bad_request otherwise). Savings groups' and cooperatives' loans alike.
result<loan_record> loan_of_request(operation_context& ctx, const field_reader& f);

// Reversing an operation that made loans: refused while a later payment stands on one of them.
result<apply_step> plan_undo_loans_made(operation_context& ctx, const operation_record& original);

}  // namespace samaki::ledger
