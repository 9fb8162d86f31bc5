#pragma once
// A savings group's meetings over one cycle, as a treasurer records them: each one `meeting` operation with
// every member's attendance, shares and social fund, a fine now and then, the repayments falling due, and
// new loans within the loan multiple and the cash in the box (some planned, others drawn by the dice); a
// defaulter who stops repaying, grants out of the social fund. The demonstration groups and the scale
// generator (bench/scale) both hold their meetings with it.
#include "ledger/demo/book.hpp"
#include "ledger/demo/people.hpp"
#include "ledger/savings/loans.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace samaki::ledger::demo {

inline constexpr std::int64_t share_value = 5000;    // riel
inline constexpr std::int64_t minor_per_riel = 100;  // KHR has two minor digits

struct planned_loan {
  int meeting;
  std::size_t member;  // index into the group's members
  std::int64_t amount;
  int months;
  const char* purpose;
};

struct planned_grant {
  int meeting;
  std::size_t member;
  std::int64_t amount;
  const char* reason;
};

struct cycle_plan {
  calendar_date start = {};
  int every_days = 14;
  int meetings = 0;
  int lend_from = 0, lend_until = 0;  // the meetings at which members may borrow
  std::vector<planned_loan> planned = {};
  std::optional<std::size_t> defaulter = {};  // repays the first instalment, then nothing
  std::vector<planned_grant> grants = {};     // out of the social fund
  bool last_before_share_out = false;         // the last meeting settles every loan
  std::uint32_t seed = 0;
};

// The fields of `cycle_start`: 5,000-riel shares (1 to 5 a meeting), loans up to three times savings at
// 2 % a month flat, 1,000 riel of social fund a meeting, a 500-riel fine for coming late. `every` is
// "week", "2weeks" or "month".
field_map cycle_settings(const char* every);

class savings_meetings {
 public:
  savings_meetings(book& b, std::vector<member_id> members, cycle_plan plan);

  calendar_date meeting_day(int k) const { return plan_.start.plus_days(k * plan_.every_days); }
  void hold_all();

 private:
  std::map<std::int64_t, std::vector<loan_record>> open_loans(calendar_date day);
  bool planned_borrower(std::size_t i) const;
  void hold(int k);
  std::optional<planned_loan> new_loan(int k, std::size_t i, int shares_today, bool owes_nothing,
                                       std::int64_t cash);

  book& book_;
  std::vector<member_id> members_;
  cycle_plan plan_;
  dice dice_;
  std::vector<int> usual_shares_;
};

}  // namespace samaki::ledger::demo
