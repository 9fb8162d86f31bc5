// Savings-group benchmark (issue 8's figures): a group of 30 members with ten years of weekly meetings (a
// share-out and a new cycle each year) against the same group with one month of history, in one store.
// For each it times recording one more meeting through the operation path, and the passbook, cycle summary,
// loan portfolio and share-out preview a treasurer opens after it. The reports read only the open cycle,
// so their cost should stay flat with history: the ratio column is long ÷ short.
//
//   bench_savings [--years N] [--members N] [--rounds R] [--dir PATH]
//
// Prints a Markdown table of the medians over R rounds, in milliseconds.
#include "bench/bench_support.hpp"
#include "bench/savings_activity.hpp"

#include "ledger/groups/group.hpp"
#include "ledger/reports/savings/savings_reports.hpp"
#include "ledger/store/read_session.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/store.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace samaki;
using clock_type = std::chrono::steady_clock;
using bench::median;
using bench::milliseconds_of;

namespace {

struct settings {
  int years = 10;
  int members = 30;
  int rounds = 20;
  std::string dir = "/tmp";
};

settings parse(int argc, char** argv) {
  settings s;
  for (samaki::bench::command_line args(argc, argv); args.next();) {
    const auto& flag = args.flag();
    if (flag == "--years")
      s.years = args.count();
    else if (flag == "--members")
      s.members = args.count();
    else if (flag == "--rounds")
      s.rounds = args.count();
    else if (flag == "--dir")
      s.dir = args.value();
    else
      throw std::invalid_argument("unknown option " + flag + " (--years, --members, --rounds, --dir)");
  }
  if (s.years < 1 || s.members < 1 || s.rounds < 1) throw std::invalid_argument("counts must be positive");
  return s;
}

// One group's timings, a vector of samples per measure.
struct samples {
  std::vector<double> meeting, passbook, summary, portfolio, preview;
};

// The group's history ends `rounds + 1` weeks before today, so each round's meeting is still in the past.
bench::savings_group_made make_group(ledger::store& store, const settings& cfg, int meetings,
                                     const std::string& name) {
  auto today = ledger::calendar_date::today(store.options().timezone_offset_minutes);
  bench::savings_plan plan;
  plan.name = name;
  plan.members = cfg.members;
  plan.meetings = meetings;
  plan.meetings_per_cycle = 52;
  plan.start = today.plus_days(-7 * (meetings + cfg.rounds + 1));
  plan.seed = 7;
  return bench::make_savings_group(store, plan);
}

samples measure(ledger::store& store, ledger::read_session& reader, const bench::savings_group_made& g,
                const settings& cfg) {
  samples out;
  auto day = g.last_meeting;
  for (int r = 0; r < cfg.rounds; ++r) {
    day = day.plus_days(7);
    out.meeting.push_back(
        milliseconds_of([&] { bench::record_meeting(store, g, day, static_cast<std::uint64_t>(r) + 100); }));
    auto& db = reader.db();
    auto group = ledger::load_group(db, g.group);
    if (!group) throw std::runtime_error("the bench group is gone");
    auto member = g.members[static_cast<std::size_t>(r) % g.members.size()];
    out.passbook.push_back(milliseconds_of([&] {
      if (!ledger::member_passbook(db, g.group, member, std::nullopt)) throw std::runtime_error("passbook");
    }));
    out.summary.push_back(milliseconds_of([&] {
      if (!ledger::summary_of_cycle(db, *group, std::nullopt, day)) throw std::runtime_error("summary");
    }));
    out.portfolio.push_back(milliseconds_of([&] { ledger::portfolio_at(db, *group, day); }));
    out.preview.push_back(milliseconds_of([&] { ledger::share_out_preview(db, *group, day); }));
  }
  return out;
}

void row(const char* what, const std::vector<double>& long_history,
         const std::vector<double>& short_history) {
  auto l = median(long_history), s = median(short_history);
  std::printf("| %s | %.2f | %.2f | %.2f |\n", what, l, s, l / s);
}

}  // namespace

int main(int argc, char** argv) try {
  auto cfg = parse(argc, argv);
  auto dir = std::filesystem::path(cfg.dir) / ("samaki-bench-savings-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = (dir / "bench.db").string();
  {
    ledger::store store(ledger::store_options{path});
    auto started = clock_type::now();
    // Both open cycles are a month old: what differs is only the years of closed cycles behind one of them.
    auto long_group = make_group(store, cfg, 52 * cfg.years + 4, "Ten years");
    auto built = std::chrono::duration<double>(clock_type::now() - started).count();
    auto short_group = make_group(store, cfg, 4, "One month");
    std::fprintf(stderr,
                 "made %d meetings (%d operations) in %.1f s: %.0f meetings/s through the operations\n",
                 long_group.meetings, long_group.operations, built, long_group.meetings / built);

    ledger::read_session reader(path);
    auto long_samples = measure(store, reader, long_group, cfg);
    auto short_samples = measure(store, reader, short_group, cfg);

    std::printf("| %d members, median of %d, ms | %d years of weekly meetings | one month | ratio |\n",
                cfg.members, cfg.rounds, cfg.years);
    std::printf("|---|---:|---:|---:|\n");
    row("record one meeting", long_samples.meeting, short_samples.meeting);
    row("passbook", long_samples.passbook, short_samples.passbook);
    row("cycle summary", long_samples.summary, short_samples.summary);
    row("loan portfolio", long_samples.portfolio, short_samples.portfolio);
    row("share-out preview", long_samples.preview, short_samples.preview);
    store.stop();
  }
  std::filesystem::remove_all(dir);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_savings: %s\n", e.what());
  return 1;
}
