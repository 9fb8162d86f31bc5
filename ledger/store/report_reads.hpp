#pragma once
// The reads the general reports (ledger/reports/) compute from: nets per account and member at a date,
// movements in a period, and the lines of a period in posting order. Plain data, no report rules here.
#include "ledger/date.hpp"
#include "ledger/ids.hpp"
#include "ledger/int128.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace samaki::ledger {

// (account id, member id) -> debit minus credit. The member is 0 on accounts that are not member
// ledgers (a member named there is attribution and makes no balance), as in the balances table.
using account_nets = std::map<std::pair<std::int64_t, std::int64_t>, int128>;

// Nets of the lines dated on or before `as_of` (all history when none): the balances kept by the last close
// on or before it when nothing is dated between (kept_nets_through), else the running balances less the
// lines dated after it, so a recent date reads only recent lines.
account_nets nets_through(sqlite::connection& db, group_id group, const std::optional<calendar_date>& as_of);
// Nets of the lines dated before `day`: opening balances of a period starting on `day`.
account_nets nets_before(sqlite::connection& db, group_id group, calendar_date day);
// The nets through `day` without reading lines, when they are at hand: the balances kept by the latest
// standing close on or before `day` (store/group_records: keep_period_balances), or none before any entry,
// provided no entry is dated between that close and `day`. Else nullopt.
std::optional<account_nets> kept_nets_through(sqlite::connection& db, group_id group, calendar_date day);
// Every standing close's kept balances, oldest first: for verify to check them against the lines.
std::vector<std::pair<calendar_date, account_nets>> kept_closes(sqlite::connection& db, group_id group);

// Nets of the lines dated from `from` to `to` (inclusive; open ends when absent). With
// `without_closing`, the entries that closed a period's income and expenses (periods.closing_entry) and
// reversals of them are left out: they move a result, they are not income or expense.
account_nets movements(sqlite::connection& db, group_id group, const std::optional<calendar_date>& from,
                       const std::optional<calendar_date>& to, bool without_closing);
// The lines of a range in one pass (`all`), and apart the closing entries' part (closing entries and their
// reversals), for a report that wants the range both with them and without.
struct range_movements {
  account_nets all;
  account_nets closing;
  account_nets without_closing() const;
};
range_movements movements_with_closing(sqlite::connection& db, group_id group, calendar_date from,
                                       calendar_date to);
// A range with its balances at both ends: `opening` through the day before `from`, `closing` through `to`,
// and the movements between. When the opening is kept (a year after a closed year, or a first year), the
// movements are the closing nets less the opening ones and only the closing entries are read; else the
// range's lines are read once and the opening is the closing less them.
struct range_with_ends {
  account_nets opening, closing;
  range_movements moved;
};
range_with_ends read_range_with_ends(sqlite::connection& db, group_id group, calendar_date from,
                                     calendar_date to);
// The same from `from` to `to`, closing entries left out, by every member a line names (attribution on
// income and expense accounts included; 0 for none): a member's business in one grouped query.
account_nets attributed_movements(sqlite::connection& db, group_id group, calendar_date from,
                                  calendar_date to);

// (day "YYYY-MM-DD" or month "YYYY-MM", account id) -> debit minus credit of the lines dated from `from` to
// `to`, all members together: one grouped query (two without closing entries), for series over time.
using dated_nets = std::map<std::pair<std::string, std::int64_t>, int128>;
enum class date_step { day, month };
dated_nets nets_by_date(sqlite::connection& db, group_id group, calendar_date from, calendar_date to,
                        date_step step, bool without_closing);

// One line with its entry, for ledgers and cash books. (Not `dated_line`: book_reads.hpp has a different
// struct of that name in this namespace, and two definitions of one name break the one-definition rule:
// the sanitizers found one's vector code reading the other's members.)
struct ledger_line {
  std::int64_t account = 0;
  entry_id entry;
  std::int64_t seq = 0;
  calendar_date date;
  std::string memo;                       // the entry's memo
  std::optional<member_id> member;        // named on this line
  std::optional<member_id> entry_member;  // the one member named on the entry's lines, if exactly one
  std::int64_t debit = 0, credit = 0;     // minor units
};
// Lines of the group's entries dated from `from` to `to` (open ends when absent), of one account or all,
// by account id, then date, seq and line number: the order running balances are taken in.
std::vector<ledger_line> lines_between(sqlite::connection& db, group_id group,
                                       std::optional<std::int64_t> account,
                                       const std::optional<calendar_date>& from,
                                       const std::optional<calendar_date>& to);

}  // namespace samaki::ledger
