#pragma once
// The savings group's own reports (operations.md, "Savings-group reports"): a member's passbook, the loan
// portfolio with arrears buckets and PAR, the cycle summary a savings-group programme asks for (SAVIX style),
// and the share-out preview. Each reads what its cycle holds, so its cost does not grow with the group's
// history, and runs in one read snapshot.
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/money.hpp"
#include "ledger/savings/cycle.hpp"
#include "ledger/savings/loans.hpp"
#include "ledger/savings/share_out.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

// The cycle a report is about: the one asked for, else the open one, else the latest; not_found without.
result<cycle_info> report_cycle(sqlite::connection& db, group_id group, std::optional<cycle_id> asked);

struct passbook_row {
  calendar_date date;
  std::optional<operation_id> operation;
  std::string operation_type;
  std::optional<ledger::attendance> attendance;  // meetings only
  int shares_bought = 0;
  int shares_total = 0;
  money savings;  // the member's shares in money after the row
  money social_fund, fines, loan_taken, repaid_principal, repaid_interest, grant, written_off;
  money loan_outstanding;  // after the row
};

struct passbook {
  member_info member;
  cycle_info cycle;
  std::vector<passbook_row> rows;  // a row a meeting, and a row for each other operation naming the member
  passbook_row totals;             // sums of the movements; running figures as at the last row
};

result<passbook> member_passbook(sqlite::connection& db, group_id group, member_id member,
                                 std::optional<cycle_id> cycle);

struct loan_portfolio {
  calendar_date as_of;
  iso_currency currency;
  std::vector<std::pair<loan_record, loan_position>> loans;  // open at the day
  money outstanding;
  money current, days_1_30, days_31_60, days_61_90, over_90;  // outstanding principal by days in arrears
  std::string par30;    // outstanding of loans more than 30 days late ÷ all outstanding
  std::string par_any;  // the same for any days late
  money written_off;    // in the cycle (savings groups) or ever (other kinds)
  std::optional<cycle_id> cycle;
};

loan_portfolio portfolio_at(sqlite::connection& db, const group_info& group, calendar_date as_of);
// The same from loans already read (those of one cycle for a savings group): no reads.
loan_portfolio portfolio_of(const std::vector<loan_record>& loans, iso_currency currency, calendar_date as_of,
                            std::optional<cycle_id> cycle);

struct cycle_summary {
  cycle_info cycle;
  calendar_date as_of;
  iso_currency currency;
  int members_registered = 0, women = 0, joined = 0, left = 0;
  int meetings_held = 0;
  std::string attendance_rate;
  money savings;
  int loans_outstanding_number = 0;
  money loans_outstanding_value;
  money late_loan_balance;
  std::string par30;
  money write_offs;
  money loan_fund_cash, social_fund_cash, bank;
  std::string loan_fund_use;
  money fines, interest_earned, other_income, expenses, net_income;
  std::string return_on_savings;
  std::string annualised_return_on_assets;
  money social_fund_in, social_fund_out, social_fund_held;
  money projected_share_out;
};

result<cycle_summary> summary_of_cycle(sqlite::connection& db, const group_info& group,
                                       std::optional<cycle_id> cycle, calendar_date today);

// product.md's share-out at the end of a day, from the books alone.
share_out_sheet share_out_preview(sqlite::connection& db, const group_info& group, calendar_date as_of);

}  // namespace samaki::ledger
