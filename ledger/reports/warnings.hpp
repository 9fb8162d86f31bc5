#pragma once
// What a field officer should look at first in a group (product.md, "Staff / auditor"): each warning has a
// stable code and the figures behind it, computed from the existing reports (loan portfolio, verify) and
// the journal's own counts. The codes and their rules:
//   cash_negative       a cash box or bank account (holds_cash: asset 10xx) below zero; one per account
//   loan_above_limit    savings groups, open cycle: a member owes more principal than the cycle's
//                       loan_multiple (in force today) times their shares (3010); one per member
//   loans_in_arrears    PAR30 of the loan portfolio today above zero
//   reversals           reversing entries recorded in the last `recent_days`
//   back_dated_entries  back-dated entries (store/journal_activity.hpp) recorded in the last `recent_days`
//   meeting_overdue     savings groups, open cycle: no meeting (nor the cycle's start) within the
//                       meeting interval plus `meeting_grace_days`
//   seal_broken         a closed period whose seal no longer verifies (verify_chain_seals); one per period
#include "ledger/date.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/reports/savings/savings_reports.hpp"
#include "ledger/store/journal_activity.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::ledger {

namespace warning_code {
inline constexpr std::string_view cash_negative = "cash_negative";
inline constexpr std::string_view loan_above_limit = "loan_above_limit";
inline constexpr std::string_view loans_in_arrears = "loans_in_arrears";
inline constexpr std::string_view reversals = "reversals";
inline constexpr std::string_view back_dated_entries = "back_dated_entries";
inline constexpr std::string_view meeting_overdue = "meeting_overdue";
inline constexpr std::string_view seal_broken = "seal_broken";
}  // namespace warning_code

// One figure behind a warning: money and ratios as decimal text, counts and ids as numbers, dates as text.
struct warning_figure {
  std::string name;
  std::string value;
  bool number = false;  // a count or an id (a JSON number); otherwise text
};

struct group_warning {
  std::string_view code;
  std::vector<warning_figure> figures;
};

struct warning_rules {
  std::int32_t recent_days = 30;        // reversals and back-dated entries recorded this recently
  std::int32_t back_dated_days = 7;     // how far behind an entry may be dated before it is back-dated
  std::int32_t meeting_grace_days = 7;  // beyond the cycle's meeting interval
};

// What the warnings are computed from, read once and shared with the dashboard's figures.
struct warning_inputs {
  const group_info& group;
  calendar_date today;
  const std::vector<account_balance>& accounts;
  const loan_portfolio* portfolio;  // groups that lend (savings groups, cooperatives); null otherwise
  const journal_activity& activity;
};

std::vector<group_warning> warnings_from(sqlite::connection& db, const warning_inputs& in,
                                         const warning_rules& rules = {});

// The group's warnings today, in one read snapshot.
std::vector<group_warning> group_warnings(sqlite::connection& db, const group_info& group,
                                          calendar_date today, const warning_rules& rules = {});

// Whether a kind of group lends to its members (has a loan portfolio).
bool lends(group_kind kind);

}  // namespace samaki::ledger
