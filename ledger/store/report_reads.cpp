#include "ledger/store/report_reads.hpp"

#include "ledger/store/rows.hpp"

#include <string>
#include <string_view>

namespace samaki::ledger {
namespace {

// Sums per account and member in one grouped query. SQLite's SUM fails on passing int64 even where the
// total fits (turnover can, balances cannot), so each amount is summed as its high and low 32 bits and
// joined here in 128 bits: neither part can overflow before some 2^31 lines.
// `member` is the grouping's member column: the member of a member ledger (as in balances), or any member
// the line names (attribution).
std::string sums_grouped_by(std::string_view member) {
  return "SELECT l.account_id, " + std::string(member) +
         " AS m, SUM(l.debit >> 32), SUM(l.debit & 4294967295), SUM(l.credit >> 32), "
         "SUM(l.credit & 4294967295) FROM entries e JOIN lines l ON l.entry_id = e.id JOIN accounts a ON "
         "a.id "
         "= l.account_id WHERE e.group_id = ?1 AND ";
}
const std::string grouped_sums =
    sums_grouped_by("CASE WHEN a.member_ledger = 1 THEN COALESCE(l.member_id, 0) ELSE 0 END");
const std::string attributed_sums = sums_grouped_by("COALESCE(l.member_id, 0)");

// Only the entries that closed income and expenses, and reversals of them: few, found through their
// metadata, so leaving them out of a range costs a small second query instead of a check on every line.
// The list is read from this group's entries in the range (?1, ?2, ?3, as the outer query binds them):
// entry_metadata has no index by key, and on a file of many groups a scan of it cost every small
// group's report tens of milliseconds.
constexpr std::string_view closing_only =
    " AND e.id IN ("
    "SELECT c.id FROM entries c JOIN entry_metadata m ON m.entry_id = c.id AND m.key = 'closing' "
    "WHERE c.group_id = ?1 AND c.date >= ?2 AND c.date <= ?3 "
    "UNION ALL "
    "SELECT r.id FROM entries r JOIN entry_metadata m ON m.entry_id = r.reverses AND m.key = 'closing' "
    "WHERE r.group_id = ?1 AND r.date >= ?2 AND r.date <= ?3 AND r.reverses IS NOT NULL)";

int128 joined(const sqlite::statement& s, int high, int low) {
  return (int128(s.column_int(high)) << 32) + s.column_int(low);
}

// Adds `sign` times each grouped sum of the statement's rows to `nets`.
void add_grouped(sqlite::statement& s, int sign, account_nets& nets) {
  while (s.step()) {
    auto net = joined(s, 2, 3) - joined(s, 4, 5);
    nets[{s.column_int(0), s.column_int(1)}] += sign * net;
  }
}

// The running balances less the lines dated after the cut (`after` is "> ?2" or ">= ?2"), if there is one.
account_nets balances_less_lines(sqlite::connection& db, group_id group, std::string_view after,
                                 const std::optional<calendar_date>& cut) {
  account_nets nets;
  {
    auto s = db.prepare(
        "SELECT b.account_id, b.member_id, b.balance FROM balances b JOIN accounts a ON a.id = b.account_id "
        "WHERE a.group_id = ?");
    s->bind(1, group.value);
    while (s->step()) nets[{s->column_int(0), s->column_int(1)}] += s->column_int(2);
  }
  if (!cut) return nets;
  auto s = db.prepare(grouped_sums + "e.date " + std::string(after) + " GROUP BY 1, 2");
  s->bind(1, group.value).bind(2, cut->to_string());
  add_grouped(*s, -1, nets);
  return nets;
}

}  // namespace

std::optional<account_nets> kept_nets_through(sqlite::connection& db, group_id group, calendar_date day) {
  std::optional<std::int64_t> period;
  std::string kept_day;  // "" sorts before every date: the beginning when no close is kept
  {
    auto s = db.prepare(
        "SELECT id, through FROM periods WHERE group_id = ?1 AND through <= ?2 AND reopened_at IS NULL AND "
        "balances_kept = 1 ORDER BY through DESC LIMIT 1");
    s->bind(1, group.value).bind(2, day.to_string());
    if (s->step()) {
      period = s->column_int(0);
      kept_day = s->column_text(1);
    }
  }
  {
    auto s =
        db.prepare("SELECT EXISTS (SELECT 1 FROM entries WHERE group_id = ?1 AND date > ?2 AND date <= ?3)");
    s->bind(1, group.value).bind(2, kept_day).bind(3, day.to_string());
    s->step();
    if (s->column_int(0) != 0) return std::nullopt;
  }
  account_nets nets;
  if (!period) return nets;
  auto s = db.prepare("SELECT account_id, member_id, balance FROM period_balances WHERE period_id = ?");
  s->bind(1, *period);
  while (s->step()) nets[{s->column_int(0), s->column_int(1)}] = s->column_int(2);
  return nets;
}

std::vector<std::pair<calendar_date, account_nets>> kept_closes(sqlite::connection& db, group_id group) {
  std::vector<std::pair<calendar_date, account_nets>> out;
  // A file of a schema before migration 6 (verify reads one before it is upgraded) keeps none.
  if (db.query_int("SELECT count(*) FROM pragma_table_info('periods') WHERE name = 'balances_kept'") == 0)
    return out;
  auto s = db.prepare(
      "SELECT p.through, b.account_id, b.member_id, b.balance FROM periods p LEFT JOIN period_balances b ON "
      "b.period_id = p.id WHERE p.group_id = ? AND p.reopened_at IS NULL AND p.balances_kept = 1 ORDER BY "
      "p.through");
  s->bind(1, group.value);
  while (s->step()) {
    auto through = stored_date(*s, 0);
    if (out.empty() || !(out.back().first == through)) out.emplace_back(through, account_nets{});
    if (auto account = s->column_optional_int(1))
      out.back().second[{*account, s->column_int(2)}] = s->column_int(3);
  }
  return out;
}

account_nets nets_through(sqlite::connection& db, group_id group, const std::optional<calendar_date>& as_of) {
  if (as_of)
    if (auto kept = kept_nets_through(db, group, *as_of)) return std::move(*kept);
  return balances_less_lines(db, group, "> ?2", as_of);
}

account_nets nets_before(sqlite::connection& db, group_id group, calendar_date day) {
  if (auto kept = kept_nets_through(db, group, day.plus_days(-1))) return std::move(*kept);
  return balances_less_lines(db, group, ">= ?2", day);
}

namespace {

account_nets summed_between(sqlite::connection& db, const std::string& sums, group_id group,
                            const std::optional<calendar_date>& from, const std::optional<calendar_date>& to,
                            std::string_view only) {
  // Open ends as dates outside every range, so the date index bounds the scan ("" sorts before any date).
  auto s = db.prepare(sums + "e.date >= ?2 AND e.date <= ?3" + std::string(only) + " GROUP BY 1, 2");
  s->bind(1, group.value);
  s->bind(2, from ? from->to_string() : std::string());
  s->bind(3, to ? to->to_string() : std::string("9999-12-31"));
  account_nets nets;
  add_grouped(*s, 1, nets);
  return nets;
}

range_movements movements_summed(sqlite::connection& db, const std::string& sums, group_id group,
                                 const std::optional<calendar_date>& from,
                                 const std::optional<calendar_date>& to) {
  return {summed_between(db, sums, group, from, to, ""),
          summed_between(db, sums, group, from, to, closing_only)};
}

}  // namespace

account_nets range_movements::without_closing() const {
  auto out = all;
  for (const auto& [key, net] : closing) {
    auto it = out.try_emplace(key, 0).first;
    it->second -= net;
    // A key only closing entries moved would not have been read without them.
    if (it->second == 0) out.erase(it);
  }
  return out;
}

range_with_ends read_range_with_ends(sqlite::connection& db, group_id group, calendar_date from,
                                     calendar_date to) {
  range_with_ends out;
  out.closing = nets_through(db, group, to);
  if (auto kept = kept_nets_through(db, group, from.plus_days(-1))) {
    out.opening = std::move(*kept);
    out.moved.all = out.closing;
    for (const auto& [key, net] : out.opening) out.moved.all[key] -= net;
    out.moved.closing = summed_between(db, grouped_sums, group, from, to, closing_only);
    return out;
  }
  out.moved = movements_with_closing(db, group, from, to);
  out.opening = out.closing;
  for (const auto& [key, net] : out.moved.all) out.opening[key] -= net;
  return out;
}

range_movements movements_with_closing(sqlite::connection& db, group_id group, calendar_date from,
                                       calendar_date to) {
  return movements_summed(db, grouped_sums, group, from, to);
}

account_nets movements(sqlite::connection& db, group_id group, const std::optional<calendar_date>& from,
                       const std::optional<calendar_date>& to, bool without_closing) {
  if (!without_closing) return summed_between(db, grouped_sums, group, from, to, "");
  return movements_summed(db, grouped_sums, group, from, to).without_closing();
}

account_nets attributed_movements(sqlite::connection& db, group_id group, calendar_date from,
                                  calendar_date to) {
  return movements_summed(db, attributed_sums, group, from, to).without_closing();
}

namespace {

dated_nets summed_by_date(sqlite::connection& db, group_id group, calendar_date from, calendar_date to,
                          date_step step, std::string_view only) {
  auto s = db.prepare(
      "SELECT substr(e.date, 1, ?4), l.account_id, SUM(l.debit >> 32), SUM(l.debit & 4294967295), "
      "SUM(l.credit >> 32), SUM(l.credit & 4294967295) FROM entries e JOIN lines l ON l.entry_id = e.id "
      "WHERE e.group_id = ?1 AND e.date >= ?2 AND e.date <= ?3" +
      std::string(only) + " GROUP BY 1, 2");
  s->bind(1, group.value).bind(2, from.to_string()).bind(3, to.to_string());
  s->bind(4, std::int64_t{step == date_step::day ? 10 : 7});
  dated_nets nets;
  while (s->step()) nets[{s->column_text(0), s->column_int(1)}] += joined(*s, 2, 3) - joined(*s, 4, 5);
  return nets;
}

}  // namespace

dated_nets nets_by_date(sqlite::connection& db, group_id group, calendar_date from, calendar_date to,
                        date_step step, bool without_closing) {
  auto nets = summed_by_date(db, group, from, to, step, "");
  if (!without_closing) return nets;
  for (const auto& [key, net] : summed_by_date(db, group, from, to, step, closing_only)) {
    auto it = nets.find(key);
    it->second -= net;
    if (it->second == 0) nets.erase(it);
  }
  return nets;
}

std::vector<ledger_line> lines_between(sqlite::connection& db, group_id group,
                                       std::optional<std::int64_t> account,
                                       const std::optional<calendar_date>& from,
                                       const std::optional<calendar_date>& to) {
  // The entry's member: the one member its lines name, when they name exactly one.
  auto s = db.prepare(
      "SELECT l.account_id, e.id, e.seq, e.date, e.memo, l.member_id, l.debit, l.credit, "
      "(SELECT CASE WHEN COUNT(DISTINCT o.member_id) = 1 THEN MAX(o.member_id) END FROM lines o "
      " WHERE o.entry_id = e.id AND o.member_id IS NOT NULL) "
      "FROM entries e JOIN lines l ON l.entry_id = e.id "
      "WHERE e.group_id = ?1 AND (?2 IS NULL OR l.account_id = ?2) AND (?3 IS NULL OR e.date >= ?3) "
      "AND (?4 IS NULL OR e.date <= ?4) ORDER BY l.account_id, e.date, e.seq, l.line_no");
  s->bind(1, group.value).bind(2, account);
  bind_optional_date(*s, 3, from);
  bind_optional_date(*s, 4, to);
  std::vector<ledger_line> out;
  while (s->step()) {
    ledger_line line;
    line.account = s->column_int(0);
    line.entry = entry_id{s->column_int(1)};
    line.seq = s->column_int(2);
    line.date = stored_date(*s, 3);
    line.memo = s->column_text(4);
    if (auto m = s->column_optional_int(5)) line.member = member_id{*m};
    line.debit = s->column_int(6);
    line.credit = s->column_int(7);
    if (auto m = s->column_optional_int(8)) line.entry_member = member_id{*m};
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace samaki::ledger
