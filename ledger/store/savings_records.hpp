#pragma once
// The rows of savings groups: cycles and their dated settings, loans and their payments, attendance at
// meetings and share purchases. Reads count only rows of operations still in force (not reversed).
#include "ledger/savings/cycle.hpp"
#include "ledger/savings/loans.hpp"
#include "ledger/store/sqlite.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

class write_context;

enum class attendance { present, represented, absent };
std::string_view attendance_name(attendance a);
std::optional<attendance> parse_attendance(std::string_view text);

// Cycles.
cycle_id insert_cycle(write_context& ctx, const cycle_info& cycle);
void insert_cycle_settings(write_context& ctx, cycle_id cycle, operation_id operation,
                           const cycle_settings& settings, const std::string& by, const std::string& at);
void set_cycle_closed(write_context& ctx, cycle_id cycle, std::optional<calendar_date> closed_on);
std::vector<cycle_info> load_cycles(sqlite::connection& db, group_id group);  // oldest first
std::optional<cycle_info> load_cycle(sqlite::connection& db, cycle_id id);
std::optional<cycle_info> open_cycle(sqlite::connection& db, group_id group);
// The cycle a day falls in: the latest started on or before it.
std::optional<cycle_info> cycle_on(sqlite::connection& db, group_id group, calendar_date day);

// Loans.
loan_id insert_loan(write_context& ctx, const loan_record& loan);
void insert_loan_payment(write_context& ctx, loan_id loan, const loan_payment& payment);
struct loan_filter {
  group_id group;
  std::optional<member_id> member;
  std::optional<cycle_id> cycle;
};
// Loans of live operations with their live payments, oldest first.
std::vector<loan_record> load_loans(sqlite::connection& db, const loan_filter& filter);
std::optional<loan_record> load_loan(sqlite::connection& db, loan_id id);
// Loans an operation made, and whether any live payment after it was made on one of them.
std::vector<loan_id> loans_made_by(sqlite::connection& db, operation_id operation);
bool loan_paid_after(sqlite::connection& db, loan_id loan, operation_id made_by);

// Meetings.
void insert_attendance(write_context& ctx, operation_id meeting, member_id member, attendance status);
struct meeting_attendance {
  operation_id meeting;
  calendar_date date;
  std::map<std::int64_t, attendance> members;  // by member id
};
// Meetings of live operations in a date range, oldest first.
std::vector<meeting_attendance> load_meetings(sqlite::connection& db, group_id group, calendar_date from,
                                              std::optional<calendar_date> to);

// Shares.
void insert_share_purchase(write_context& ctx, operation_id operation, member_id member, cycle_id cycle,
                           int shares, std::int64_t amount);
struct share_purchase {
  operation_id operation;
  calendar_date date;
  member_id member;
  int shares = 0;
  std::int64_t amount = 0;
};
// Purchases of live operations in a cycle, in date order.
std::vector<share_purchase> load_share_purchases(sqlite::connection& db, cycle_id cycle,
                                                 std::optional<member_id> member = std::nullopt);

// Members of a group (all, left ones too), by id.
std::vector<member_info> load_group_members(sqlite::connection& db, group_id group);

}  // namespace samaki::ledger
