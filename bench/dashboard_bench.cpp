// Staff dashboard benchmark (issue 10): a field officer's 200 savings groups, each with a year of weekly
// meetings, a share-out that closed the cycle with its seal, and some weeks of the next cycle, all recorded
// through the operations. Times the dashboard (every group's figures and warnings, as GET /api/v1/dashboard
// reads them: the seal check walks each sealed group's hash chain) and the savings groups' cycle summaries
// (the SAVIX CSV) over all of them, against the same for one group, in the same run and store.
//
//   bench_dashboard [--groups N] [--members N] [--meetings N] [--rounds R] [--dir PATH] [--keep]
//
// Prints a Markdown table of the medians over R rounds, in milliseconds, and the ratio many ÷ one.
#include "bench/bench_support.hpp"
#include "bench/savings_activity.hpp"

#include "ledger/reports/dashboard.hpp"
#include "ledger/reports/savings/savings_reports.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/read_session.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/store.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

using namespace samaki;
using bench::median;
using bench::milliseconds_of;

namespace {

struct settings {
  int groups = 200;
  int members = 20;
  int meetings = 60;  // a 52-meeting cycle shared out and sealed, then the next cycle's first weeks
  int rounds = 5;
  std::string dir = "/tmp";
  bool keep = false;
};

settings parse(int argc, char** argv) {
  settings s;
  for (samaki::bench::command_line args(argc, argv); args.next();) {
    const auto& flag = args.flag();
    if (flag == "--groups")
      s.groups = args.count();
    else if (flag == "--members")
      s.members = args.count();
    else if (flag == "--meetings")
      s.meetings = args.count();
    else if (flag == "--rounds")
      s.rounds = args.count();
    else if (flag == "--dir")
      s.dir = args.value();
    else if (flag == "--keep")
      s.keep = true;
    else
      throw std::invalid_argument("unknown option " + flag +
                                  " (--groups, --members, --meetings, --rounds, --dir, --keep)");
  }
  if (s.groups < 1 || s.members < 1 || s.meetings < 1 || s.rounds < 1)
    throw std::invalid_argument("counts must be positive");
  return s;
}

// What the dashboard endpoint does for these groups, warnings included; the count of warnings keeps the
// work from being optimised away and says the benchmark's groups are not all quiet.
std::size_t dashboard(ledger::sqlite::connection& db, const std::vector<ledger::group_info>& groups,
                      ledger::calendar_date today) {
  std::size_t warnings = 0;
  for (const auto& g : groups) warnings += ledger::overview_of(db, g, today).warnings.size();
  return warnings;
}

// The part of it that walks the hash chains: every closed period's seal checked (verify_chain_seals).
std::int64_t seal_walks(ledger::sqlite::connection& db, const std::vector<ledger::group_info>& groups) {
  std::int64_t entries = 0;
  for (const auto& g : groups) {
    std::vector<std::string> codes;
    for (const auto& p : ledger::load_periods(db, g.id)) codes.push_back(p.seal_code);
    if (!codes.empty()) entries += ledger::verify_chain_seals(db, g.id, codes).chain.entries;
  }
  return entries;
}

void summaries(ledger::sqlite::connection& db, const std::vector<ledger::group_info>& groups,
               ledger::calendar_date today) {
  for (const auto& g : groups)
    if (!ledger::summary_of_cycle(db, g, std::nullopt, today)) throw std::runtime_error("cycle summary");
}

}  // namespace

int main(int argc, char** argv) try {
  auto cfg = parse(argc, argv);
  auto dir = std::filesystem::path(cfg.dir) / ("samaki-bench-dashboard-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = (dir / "bench.db").string();
  {
    ledger::store store(ledger::store_options{path});
    const auto today = ledger::calendar_date::today(store.options().timezone_offset_minutes);
    auto started = std::chrono::steady_clock::now();
    int meetings = 0;
    for (int i = 0; i < cfg.groups; ++i) {
      bench::savings_plan plan;
      plan.name = "Group " + std::to_string(i + 1);
      plan.members = cfg.members;
      plan.meetings = cfg.meetings;
      plan.meetings_per_cycle = 52;
      plan.start = today.plus_days(-7 * cfg.meetings);
      plan.seed = static_cast<std::uint64_t>(i) + 1;
      meetings += bench::make_savings_group(store, plan).meetings;
    }
    std::fprintf(stderr, "made %d groups, %d meetings in %.1f s\n", cfg.groups, meetings,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());

    ledger::read_session reader(path);
    auto& db = reader.db();
    const auto all = ledger::list_groups(db, std::nullopt);
    const std::vector<ledger::group_info> one{all.front()};
    std::vector<double> board_many, board_one, seals_many, seals_one, savix_many, savix_one;
    std::size_t warnings = 0;
    std::int64_t entries = 0;
    for (int r = 0; r < cfg.rounds; ++r) {
      board_many.push_back(milliseconds_of([&] { warnings = dashboard(db, all, today); }));
      board_one.push_back(milliseconds_of([&] { dashboard(db, one, today); }));
      seals_many.push_back(milliseconds_of([&] { entries = seal_walks(db, all); }));
      seals_one.push_back(milliseconds_of([&] { seal_walks(db, one); }));
      savix_many.push_back(milliseconds_of([&] { summaries(db, all, today); }));
      savix_one.push_back(milliseconds_of([&] { summaries(db, one, today); }));
    }
    std::fprintf(stderr, "%zu warnings over the %zu groups; %lld entries in their sealed chains\n", warnings,
                 all.size(), static_cast<long long>(entries));
    std::printf("| median of %d, ms | %zu groups | 1 group | ratio | per group ÷ one group |\n", cfg.rounds,
                all.size());
    std::printf("|---|---:|---:|---:|---:|\n");
    auto line = [&](const char* what, const std::vector<double>& many, const std::vector<double>& single) {
      auto m = median(many), o = median(single);
      std::printf("| %s | %.1f | %.2f | %.0f | %.2f |\n", what, m, o, m / o,
                  m / o / static_cast<double>(all.size()));
    };
    line("dashboard (figures and warnings)", board_many, board_one);
    line("of which the seal checks (hash chains walked)", seals_many, seals_one);
    line("cycle summaries (SAVIX CSV)", savix_many, savix_one);
    store.stop();
  }
  if (cfg.keep)
    std::fprintf(stderr, "kept %s\n", path.c_str());
  else
    std::filesystem::remove_all(dir);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_dashboard: %s\n", e.what());
  return 1;
}
