#include "ledger/reports/trends.hpp"

#include "ledger/reports/group_books.hpp"
#include "ledger/reports/savings/savings_reports.hpp"
#include "ledger/store/savings_records.hpp"

#include <algorithm>
#include <iterator>

namespace samaki::ledger {
namespace {

// The savings group's loan fund (charts.md): the box, the loans and the members' shares.
constexpr std::string_view box = "1010", lent = "1100", shares = "3010";

int months_between(calendar_date from, calendar_date to) {
  return (to.year() - from.year()) * 12 + static_cast<int>(to.month()) - static_cast<int>(from.month()) + 1;
}

}  // namespace

result<trend_range> trends_range(std::optional<calendar_date> from, std::optional<calendar_date> to,
                                 calendar_date today) {
  const auto end = to.value_or(today);
  const auto start = from.value_or(calendar_date::from_ymd(end.year(), end.month(), 1).plus_months(-11));
  if (start > end) return error(errc::bad_request, "from is after to", {{"field", "from"}});
  if (months_between(start, end) > max_trend_months)
    return error(errc::bad_request, "a trend covers at most " + std::to_string(max_trend_months) + " months",
                 {{"field", "from"}});
  return trend_range{start, end};
}

std::vector<std::pair<calendar_date, calendar_date>> months_of(calendar_date from, calendar_date to) {
  std::vector<std::pair<calendar_date, calendar_date>> out;
  for (auto day = from; day <= to;) {
    auto end = std::min(day.last_day_of_month(), to);
    out.emplace_back(day, end);
    day = end.plus_days(1);
  }
  return out;
}

std::vector<fund_point> fund_series(const std::map<std::string, int128>& opening,
                                    const std::map<std::pair<std::string, std::string>, int128>& daily,
                                    const std::vector<std::pair<calendar_date, operation_id>>& meetings,
                                    iso_currency currency) {
  auto balance = opening;
  auto next = daily.begin();
  std::vector<fund_point> out;
  for (const auto& [date, meeting] : meetings) {
    const auto through = date.to_string();
    for (; next != daily.end() && next->first.first <= through; ++next)
      balance[next->first.second] += next->second;
    const auto of = [&](std::string_view code) {
      auto it = balance.find(std::string(code));
      return it == balance.end() ? int128(0) : it->second;
    };
    out.push_back(fund_point{date, meeting, money(narrow(-of(shares)), currency),
                             money(narrow(of(box)), currency), money(narrow(of(lent)), currency)});
  }
  return out;
}

std::optional<std::string> par30_on(const std::vector<cycle_info>& cycles,
                                    const std::map<std::int64_t, std::vector<loan_record>>& loans,
                                    iso_currency currency, calendar_date day) {
  // The cycle a day falls in: the latest started on or before it (as cycle_on reads it).
  const cycle_info* running = nullptr;
  for (const auto& c : cycles)
    if (c.start <= day) running = &c;
  if (!running) return std::nullopt;
  static const std::vector<loan_record> none;
  auto it = loans.find(running->id.value);
  return portfolio_of(it == loans.end() ? none : it->second, currency, day, running->id).par30;
}

result<trends> read_trends(sqlite::connection& db, group_id group, trend_range range,
                           std::optional<cycle_id> asked) {
  sqlite::read_snapshot snapshot(db);
  auto books = read_group_books(db, group);
  if (!books) return books.error();
  const auto currency = books->group.currency;
  const bool savings = books->group.kind == group_kind::savings_group;
  if (asked && !savings) return error(errc::not_found, "no such cycle", {{"field", "cycle"}});
  trends out{range.from, range.to, currency, std::nullopt, {}, {}};

  // The loans of each cycle running at some month's end of the range, read once for every month.
  std::vector<cycle_info> cycles;
  std::map<std::int64_t, std::vector<loan_record>> loans;
  if (savings) {
    cycles = load_cycles(db, group);
    for (auto c = cycles.begin(); c != cycles.end(); ++c) {
      auto following = std::next(c);
      if (c->start <= range.to && (following == cycles.end() || following->start > range.from))
        loans[c->id.value] = load_loans(db, loan_filter{group, std::nullopt, c->id});
    }
  }

  const auto by_month = nets_by_date(db, group, range.from, range.to, date_step::month, true);
  for (const auto& [from, to] : months_of(range.from, range.to)) {
    const auto month = from.to_string().substr(0, 7);
    money_total income(currency), expenses(currency);
    for (const auto& a : books->accounts) {
      if (!(a.currency == currency) || (a.type != account_type::income && a.type != account_type::expense))
        continue;
      auto it = by_month.find({month, a.id.value});
      if (it != by_month.end())
        (a.type == account_type::income ? income : expenses).add(natural_money(a, it->second));
    }
    out.months.push_back(month_point{from, to, income.total(), expenses.total(),
                                     savings ? par30_on(cycles, loans, currency, to) : std::nullopt});
  }

  if (!savings) return out;
  auto cycle = report_cycle(db, group, asked);
  if (!cycle) {
    if (asked) return cycle.error();
    return out;  // no cycle yet: no meetings to draw
  }
  std::vector<std::pair<calendar_date, operation_id>> meetings;
  for (const auto& m : load_meetings(db, group, cycle->start, cycle->closed_on))
    meetings.emplace_back(m.date, m.meeting);
  if (!meetings.empty()) {
    const auto code_of = [&](std::int64_t account) -> std::optional<std::string> {
      const auto* a = books->account(account);
      if (!a || !(a->code == box || a->code == lent || a->code == shares)) return std::nullopt;
      return a->code;
    };
    std::map<std::string, int128> opening;
    for (const auto& [account, net] : per_account(nets_before(db, group, cycle->start)))
      if (auto code = code_of(account)) opening[*code] += net;
    std::map<std::pair<std::string, std::string>, int128> daily;
    for (const auto& [key, net] :
         nets_by_date(db, group, cycle->start, meetings.back().first, date_step::day, false))
      if (auto code = code_of(key.second)) daily[{key.first, *code}] += net;
    out.meetings = fund_series(opening, daily, meetings, currency);
  }
  out.cycle = std::move(*cycle);
  return out;
}

}  // namespace samaki::ledger
