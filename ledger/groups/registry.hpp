#pragma once
// Creating groups (with their chart), members and extra accounts, closing accounts, and closing and
// reopening periods. Each runs on the writer and checks its rules before it writes anything.
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"

#include <string_view>

namespace samaki::ledger {

class write_context;

result<group_info> create_group(write_context& ctx, const new_group& g);
result<member_info> add_member(write_context& ctx, const new_member& m);
result<account_info> add_account(write_context& ctx, const new_account& a);
// Nothing may be posted to the account dated after `closed_on`; its balance must be zero.
result<account_info> close_account(write_context& ctx, const account_closing& c);
// Refuses a date on or before the latest close, or after today. Closing a year or a cycle first posts the
// visible closing entry: every income and expense balance as of `through` into the group's surplus account.
// The seal is the chain head once that entry is written.
result<period_info> close_period(write_context& ctx, const period_close& p);
// Reopens the latest close still in force (admin only, with a reason); its seal stays listed.
result<period_info> reopen_period(write_context& ctx, const period_reopening& r);

// The text rules of names: 1-200 bytes after trimming, no control characters. `field` names the field.
result<void> check_name(std::string_view name, std::string_view field, bool required = true);

}  // namespace samaki::ledger
