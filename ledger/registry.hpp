#pragma once
// Creating groups (with their chart), members, extra accounts, and closing periods. Run on the writer.
#include "ledger/error.hpp"
#include "ledger/group.hpp"

namespace samaki::ledger {

class write_context;

result<group_info> create_group(write_context& ctx, const new_group& g);
result<member_info> add_member(write_context& ctx, const new_member& m);
result<account_info> add_account(write_context& ctx, const new_account& a);
// Refuses a date before the latest close; the seal is the chain head at closing.
result<period_info> close_period(write_context& ctx, const period_close& p);

}  // namespace samaki::ledger
