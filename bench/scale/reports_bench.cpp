// bench_reports: every report's time on a group of a province-sized database (made by samaki_scale) against
// the same report on a group with one month of history, which this program adds to the same database (a
// savings group of 25 members, fortnightly meetings, and a cooperative founded a month ago). The aim is a
// cost that does not grow with the years behind a group, nor with the groups beside it: ratio under 1.5.
//
//   bench_reports --db PATH [--rounds R]
//
// The savings group compared is the province's one whose open cycle is youngest (so both open cycles hold
// about a month of meetings and what differs is the years behind it); the cooperative is the province's
// first. Ranged reports (income statement, cash book, general ledger) cover the last month. Prints a
// Markdown table of medians over R rounds, in milliseconds.
#include "bench/bench_support.hpp"
#include "bench/scale/province.hpp"

#include "ledger/decimal.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/reports/balance_sheet.hpp"
#include "ledger/reports/cash_book.hpp"
#include "ledger/reports/coop/annual_report.hpp"
#include "ledger/reports/general_ledger.hpp"
#include "ledger/reports/income_statement.hpp"
#include "ledger/reports/savings/savings_reports.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/read_session.hpp"
#include "ledger/store/rows.hpp"

#include <cstdio>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace samaki;
using namespace samaki::ledger;
using bench::median;
using bench::milliseconds_of;

namespace {

struct settings {
  std::string db;
  int rounds = 20;
};

settings parse(int argc, char** argv) {
  settings s;
  for (bench::command_line args(argc, argv); args.next();) {
    const auto& flag = args.flag();
    if (flag == "--db")
      s.db = args.value();
    else if (flag == "--rounds")
      s.rounds = std::stoi(args.value());
    else
      throw std::invalid_argument("unknown option " + flag + " (--db, --rounds)");
  }
  if (s.db.empty() || s.rounds < 1) throw std::invalid_argument("--db PATH is required, --rounds positive");
  return s;
}

template <class T>
void check(const result<T>& r, const char* what) {
  if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().message);
}

// The savings group whose open cycle started last, but for `except`.
std::optional<group_id> youngest_cycle(sqlite::connection& db, std::int64_t except) {
  auto st = db.prepare(
      "SELECT c.group_id FROM cycles c JOIN groups g ON g.id = c.group_id WHERE c.closed_on IS NULL "
      "AND c.group_id <> ?1 AND (SELECT count(*) FROM cycles o WHERE o.group_id = c.group_id) > 1 "
      "ORDER BY c.start DESC, c.group_id LIMIT 1");
  st->bind(1, except);
  if (!st->step()) return std::nullopt;
  return group_id{st->column_int(0)};
}

std::optional<group_id> first_of_kind(sqlite::connection& db, group_kind kind, std::int64_t except) {
  for (const auto& g : list_groups(db, std::nullopt))
    if (g.kind == kind && g.id.value != except) return g.id;
  return std::nullopt;
}

std::int64_t count_entries(sqlite::connection& db, group_id g) {
  auto st = db.prepare("SELECT count(*) FROM entries WHERE group_id = ?1");
  st->bind(1, g.value);
  st->step();
  return st->column_int(0);
}

struct report {
  const char* name;
  std::function<void(sqlite::connection&, group_id)> run;
};

struct timed {
  const char* name;
  double province, month;
};

std::vector<timed> time_reports(sqlite::connection& db, group_id old_group, group_id new_group,
                                const std::vector<report>& reports, int rounds) {
  std::vector<timed> out;
  for (const auto& r : reports) {
    std::vector<double> a, b;
    for (int k = 0; k < rounds; ++k) {  // alternated, so a change in the host's load hits both
      a.push_back(milliseconds_of([&] { r.run(db, old_group); }));
      b.push_back(milliseconds_of([&] { r.run(db, new_group); }));
    }
    out.push_back({r.name, median(a), median(b)});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) try {
  const auto cfg = parse(argc, argv);
  const auto last = bench::province_plan{}.last_day;
  const auto month_start = last.plus_days(-30);
  bench::made_group month_savings, month_coop, year_coop;
  {
    store s(store_options{cfg.db});
    month_savings = bench::make_savings_group(s, "One month of meetings", 25, 0, 3, last, 4242);
    month_coop = bench::make_cooperative(s, "One month old cooperative", 120, month_start, last, 4343);
    // The annual report reads the whole year, as it must: a cooperative founded this January, with this
    // year's seasons, shows whether the four years behind the province's cost anything.
    year_coop = bench::make_cooperative(s, "This year's cooperative", 120,
                                        calendar_date::from_ymd(last.year(), 1, 6), last, 4444);
    s.stop();
  }
  read_session reader(cfg.db);
  auto& db = reader.db();
  const auto old_savings = youngest_cycle(db, month_savings.id.value);
  const auto old_coop = first_of_kind(db, group_kind::agri_cooperative, month_coop.id.value);
  if (!old_savings) throw std::runtime_error("the database has no savings group with a closed cycle");

  auto group_of = [](sqlite::connection& c, group_id g) {
    auto info = load_group(c, g);
    if (!info) throw std::runtime_error("no group " + std::to_string(g.value));
    return *info;
  };
  const std::vector<report> savings_reports{
      {"trial balance", [](sqlite::connection& c, group_id g) { trial_balance(c, g, std::nullopt); }},
      {"balance sheet",
       [](sqlite::connection& c, group_id g) {
         check(read_balance_sheet(c, g, std::nullopt, false), "balance sheet");
       }},
      {"income statement (last month)",
       [&](sqlite::connection& c, group_id g) {
         check(read_income_statement(c, g, month_start, last), "income statement");
       }},
      {"cash book 1010 (last month)",
       [&](sqlite::connection& c, group_id g) {
         check(read_cash_book(c, g, "1010", month_start, last), "cash book");
       }},
      {"general ledger (last month)",
       [&](sqlite::connection& c, group_id g) {
         check(read_general_ledger(c, g, std::nullopt, month_start, last), "general ledger");
       }},
      {"loan portfolio", [&](sqlite::connection& c, group_id g) { portfolio_at(c, group_of(c, g), last); }},
      {"cycle summary",
       [&](sqlite::connection& c, group_id g) {
         check(summary_of_cycle(c, group_of(c, g), std::nullopt, last), "cycle summary");
       }},
      {"share-out preview",
       [&](sqlite::connection& c, group_id g) { share_out_preview(c, group_of(c, g), last); }},
      {"passbook (first member)",
       [](sqlite::connection& c, group_id g) {
         const auto first = list_members(c, g, 0, 1);
         check(member_passbook(c, g, first.at(0).id, std::nullopt), "passbook");
       }},
  };
  const auto dividend = *percent::parse("5");
  const std::vector<report> coop_reports{
      {"cooperative: annual report (this year)",
       [&](sqlite::connection& c, group_id g) {
         check(read_annual_report(c, g, last.year(), dividend), "annual report");
       }},
      {"cooperative: trial balance",
       [](sqlite::connection& c, group_id g) { trial_balance(c, g, std::nullopt); }},
  };

  auto rows = time_reports(db, *old_savings, month_savings.id, savings_reports, cfg.rounds);
  if (old_coop) {
    auto more = time_reports(db, *old_coop, month_coop.id, coop_reports, cfg.rounds);
    rows.insert(rows.end(), more.begin(), more.end());
    const std::vector<report> annual{
        {"cooperative: annual report (this year), against one founded this January", coop_reports[0].run}};
    more = time_reports(db, *old_coop, year_coop.id, annual, cfg.rounds);
    rows.insert(rows.end(), more.begin(), more.end());
  }
  std::printf(
      "| median of %d, ms | group %lld of the province (%lld entries) | group of one month (%lld entries) | "
      "ratio |\n",
      cfg.rounds, static_cast<long long>(old_savings->value),
      static_cast<long long>(count_entries(db, *old_savings)),
      static_cast<long long>(count_entries(db, month_savings.id)));
  std::printf("|---|---:|---:|---:|\n");
  for (const auto& r : rows)
    std::printf("| %s | %.2f | %.2f | %.2f |\n", r.name, r.province, r.month, r.province / r.month);
  if (old_coop)
    std::printf(
        "\ncooperatives: group %lld of the province (%lld entries) against one a month old (%lld entries) "
        "and one "
        "founded this January (%lld entries)\n",
        static_cast<long long>(old_coop->value), static_cast<long long>(count_entries(db, *old_coop)),
        static_cast<long long>(count_entries(db, month_coop.id)),
        static_cast<long long>(count_entries(db, year_coop.id)));
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_reports: %s\n", e.what());
  return 1;
}
