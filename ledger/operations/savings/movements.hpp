#pragma once
// The money a savings group's members move at a meeting, and between meetings one movement at a time:
// shares, the social fund, fines, loan repayments, new loans and social-fund grants (operations.md, "The
// meeting"). The meeting and the single operations check and post through this one planner, so every rule
// holds the same way for both: shares within the cycle's limits, no overpayment, no loan above the limit or
// while one is in arrears, money in counted before money out, neither cash box below zero.
#include "ledger/operations/operation.hpp"
#include "ledger/savings/cycle.hpp"
#include "ledger/savings/loans.hpp"
#include "ledger/store/savings_records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

struct member_movements {
  member_id member;
  std::string path;  // where the member was named in the request, for errors: "members[3]"
  ledger::attendance attendance = ledger::attendance::present;
  std::optional<int> shares;
  bool social_fund = false;
  std::vector<std::string> fines;   // fine codes of the cycle
  std::vector<money> ad_hoc_fines;  // fines without a code (the single `fine` operation)
  struct repayment_request {
    loan_id loan;
    money amount;
    std::string path;
  };
  std::vector<repayment_request> repay;
  struct loan_request {
    money amount;
    int months = 1;
    std::string purpose;
    std::string path;
  };
  std::optional<loan_request> loan;
  struct grant_request {
    money amount;
    std::string reason;
    std::string path;
  };
  std::optional<grant_request> grant;
};

struct counted_cash {
  std::optional<money> loan_fund;
  std::optional<money> social_fund;
};

// The open cycle the day falls in, or no_open_cycle.
result<cycle_info> open_cycle_on(operation_context& ctx, calendar_date day);

// Checks every member's movements against the books and plans the entries; `record_attendance` for a meeting.
// The apply step posts them, makes the loans and records payments, purchases and attendance, and reports
// "loans" and "cash" in the outcome.
result<apply_step> plan_movements(operation_context& ctx, const cycle_info& cycle,
                                  std::vector<member_movements> members, const counted_cash& counted,
                                  bool record_attendance);

}  // namespace samaki::ledger
