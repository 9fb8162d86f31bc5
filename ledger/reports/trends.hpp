#pragma once
// Figures over time for charts (GET .../reports/trends): a savings group's savings and loan fund at each
// meeting of a cycle, every group's income and expenses by month, and a savings group's PAR30 at each
// month's end. A few grouped reads whatever the number of points: the cycle's lines by day, the range's
// lines by month, and the loans of the cycles the range touches; the series are arithmetic on those.
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/savings/cycle.hpp"
#include "ledger/savings/loans.hpp"
#include "ledger/store/report_reads.hpp"
#include "ledger/store/sqlite.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

// Where a savings group's loan fund stood at the end of a meeting's day.
struct fund_point {
  calendar_date date;
  operation_id meeting;
  money savings;            // 3010, members' shares
  money loan_fund_cash;     // 1010, the loan-fund box
  money loans_outstanding;  // 1100, principal lent and not yet repaid
};

struct month_point {
  calendar_date from, to;  // the month, cut to the report's range
  money income, expenses;  // movements of the base currency's income and expense accounts, closings left out
  std::optional<std::string>
      par30;  // savings groups: at `to`, of the cycle then running; none outside a cycle
};

struct trends {
  calendar_date from, to;
  iso_currency currency;
  std::optional<cycle_info> cycle;  // savings groups: the cycle the meetings are of
  std::vector<fund_point> meetings;
  std::vector<month_point> months;
};

// The longest range asked for, in months: a chart of ten years is already a dense one.
inline constexpr int max_trend_months = 120;

struct trend_range {
  calendar_date from, to;
};
// `to` defaults to today, `from` to the first day of the eleventh month before `to` (a year of months);
// bad_request naming "from" when it is after `to` or the range has more than max_trend_months months.
result<trend_range> trends_range(std::optional<calendar_date> from, std::optional<calendar_date> to,
                                 calendar_date today);

// The months of a range, each cut to it: 2026-01-15..2026-03-10 gives 01-15..01-31, 02-01..02-28,
// 03-01..03-10.
std::vector<std::pair<calendar_date, calendar_date>> months_of(calendar_date from, calendar_date to);

// Balances by account code at the end of each meeting's day: `opening` (code -> debit minus credit before
// the first day) plus the lines of each day up to it (`daily`: (day, code) -> debit minus credit).
std::vector<fund_point> fund_series(const std::map<std::string, int128>& opening,
                                    const std::map<std::pair<std::string, std::string>, int128>& daily,
                                    const std::vector<std::pair<calendar_date, operation_id>>& meetings,
                                    iso_currency currency);

// PAR30 at `day` of the loans of the cycle running then (`cycles` oldest first; `loans` by cycle id); none
// when no cycle had started by then.
std::optional<std::string> par30_on(const std::vector<cycle_info>& cycles,
                                    const std::map<std::int64_t, std::vector<loan_record>>& loans,
                                    iso_currency currency, calendar_date day);

// In one read snapshot; the meetings of `cycle`, else of the open cycle, else of the latest.
result<trends> read_trends(sqlite::connection& db, group_id group, trend_range range,
                           std::optional<cycle_id> cycle);

}  // namespace samaki::ledger
