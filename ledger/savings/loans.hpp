#pragma once
// Loans to members (operations.md, "Loans"): the schedule of a loan, how a repayment splits into interest and
// principal, and where a loan stands at a date. Pure arithmetic on plain data; the store keeps loans and
// their payments, operations record them.
//
// A loan has `months` equal monthly instalments of principal (the last takes the remainder), each due on the
// disbursement's day of the month (the month's last day when shorter), with that month's interest due the
// same day: flat = principal × rate, declining = principal outstanding after the previous instalment × rate,
// each rounded half up to the minor unit. A repayment pays the interest due on or before its date (oldest
// first), then principal. Days in arrears at D are the days since the oldest due date whose cumulative amount
// due is not yet covered by what was paid; 0 when none.
#include "ledger/date.hpp"
#include "ledger/error.hpp"
#include "ledger/ids.hpp"
#include "ledger/money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::ledger {

enum class interest_method { flat, declining };
std::string_view interest_method_name(interest_method method);
std::optional<interest_method> parse_interest_method(std::string_view text);

// A monthly rate as percent in ten-thousandths: "2" percent is 20000, "2.5" is 25000.
struct monthly_rate {
  std::int64_t percent_e4 = 0;
  // "2", "2.5", "0", up to four decimals, 0 to 100; nullopt otherwise.
  static std::optional<monthly_rate> parse(std::string_view percent);
  std::string percent_text() const;  // "2", "2.5"
  // amount × rate, rounded half up to the minor unit (amount >= 0).
  money interest_on(const money& amount) const;
};

struct loan_terms {
  money principal;
  calendar_date disbursed_on;
  int months = 1;
  monthly_rate rate;
  interest_method method = interest_method::flat;
};

struct instalment {
  int number = 0;  // 1-based
  calendar_date due;
  money principal;
  money interest;
};

std::vector<instalment> loan_schedule(const loan_terms& terms);

enum class payment_kind { repayment, write_off, offset, paper };
std::string_view payment_kind_name(payment_kind kind);
std::optional<payment_kind> parse_payment_kind(std::string_view text);

struct loan_payment {
  calendar_date date;
  money interest;
  money principal;
  payment_kind kind = payment_kind::repayment;
  operation_id operation;
};

enum class loan_status { open, repaid, written_off };
std::string_view loan_status_name(loan_status status);
std::optional<loan_status> parse_loan_status(std::string_view text);

struct loan_record {
  loan_id id;
  group_id group;
  member_id member;
  std::optional<cycle_id> cycle;
  operation_id operation;
  loan_terms terms;
  std::string purpose;
  std::vector<loan_payment> payments;  // in date order, live operations only
};

struct due_amount {
  calendar_date date;
  money amount;
};

// Where a loan stands at the end of a day.
struct loan_position {
  money outstanding;     // principal not yet repaid nor written off
  money interest_due;    // interest due on or before the day, not yet paid
  money principal_paid;  // repaid in cash or offset (not written off)
  money interest_paid;
  money written_off;
  std::optional<due_amount> next_due;  // the oldest instalment not yet covered, and what covers it
  std::int32_t days_in_arrears = 0;
  loan_status status = loan_status::open;

  // What the borrower owes on the day: principal outstanding plus interest due.
  money owed() const;
};

loan_position position_at(const loan_record& loan, calendar_date day);

struct repayment_split {
  money interest;
  money principal;
};

// How `amount` paid on `day` splits: interest due first, then principal. overpayment when it is more than
// the borrower owes (details name the member, the loan, the limit and the value).
result<repayment_split> split_repayment(const loan_record& loan, calendar_date day, const money& amount);

}  // namespace samaki::ledger
