#pragma once
// Rows around the journal, written on the writer: groups with their chart, members, accounts, periods.
#include "ledger/chart.hpp"
#include "ledger/groups/group.hpp"

#include <cstdint>
#include <map>
#include <vector>

namespace samaki::ledger {

class write_context;
struct group_state;

group_id insert_group(write_context& ctx, const new_group& g, iso_currency currency, std::int64_t cash_unit,
                      const std::string& created_at);
account_id insert_account(write_context& ctx, group_id group, const account_definition& a);
member_id insert_member(write_context& ctx, const new_member& m, const std::string& created_at);
// Marks the member left on a day by an operation; nullopt brings them back.
void set_member_left(write_context& ctx, member_id member, std::optional<calendar_date> left_on,
                     std::optional<operation_id> by);
// The member an operation marked left, if any.
std::optional<member_id> member_left_by(write_context& ctx, operation_id by);
void set_account_closed(write_context& ctx, account_id account, std::optional<calendar_date> closed_on);
bool any_group(write_context& ctx);

// Inserts the period and keeps its group's balances as of its last day (keep_period_balances).
period_id insert_period(write_context& ctx, const period_info& p);
// Stores the balances as of `through` beside the period (period_balances), so a report at that day reads
// them instead of the lines (report_reads' nets_through). Nothing dated on or before `through` can be
// written while the period stands closed; a reopened period's are no longer read.
void keep_period_balances(write_context& ctx, period_id period, group_id group, calendar_date through);
// The period, or nullopt when it is not one of the group's.
std::optional<period_info> find_period(write_context& ctx, group_id group, period_id id);
void mark_period_reopened(write_context& ctx, period_id id, const std::string& at, const std::string& by,
                          const std::string& reason);
// The latest close still in force, after a change to the periods.
std::optional<calendar_date> closed_through(write_context& ctx, group_id group);

// Debit minus credit of each account of the group over entries dated on or before `through`.
std::map<std::int64_t, std::int64_t> account_nets_through(write_context& ctx, group_id group,
                                                          calendar_date through);

}  // namespace samaki::ledger
