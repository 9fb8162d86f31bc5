// Cooperative benchmark (issue 9's figures): a rice cooperative of N members with K operations in one
// fiscal year (share capital, paddy bought from members, paddy and inputs sold), all recorded through the
// operations, against a small one (--small-members, --small-operations) in the same store. Times the
// year-end appropriation preview, the `year_end` operation that closes the year with its seal, and the
// annual report of the closed year.
//
//   bench_coop [--members N] [--operations K] [--small-members N] [--small-operations K] [--dir PATH]
//   [--keep]
#include "bench/bench_support.hpp"
#include "ledger/decimal.hpp"
#include "ledger/groups/registry.hpp"
#include "ledger/operations/operation.hpp"
#include "ledger/reports/coop/annual_report.hpp"
#include "ledger/reports/coop/appropriation_report.hpp"
#include "ledger/store/read_session.hpp"
#include "ledger/store/store.hpp"
#include "ledger/store/write_context.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <stdexcept>
#include <string>
#include <vector>

using namespace samaki::ledger;
using samaki::bench::milliseconds_of;
using samaki::bench::must;
using samaki::bench::text;
using clock_type = std::chrono::steady_clock;

namespace {

struct settings {
  int members = 1000;
  int operations = 100000;
  int small_members = 20;
  int small_operations = 1000;
  std::string dir = "/tmp";
  bool keep = false;  // leave the database behind, to look into it
};

settings parse(int argc, char** argv) {
  settings s;
  for (samaki::bench::command_line args(argc, argv); args.next();) {
    const auto& flag = args.flag();
    if (flag == "--members")
      s.members = args.count();
    else if (flag == "--operations")
      s.operations = args.count();
    else if (flag == "--small-members")
      s.small_members = args.count();
    else if (flag == "--small-operations")
      s.small_operations = args.count();
    else if (flag == "--keep")
      s.keep = true;
    else if (flag == "--dir")
      s.dir = args.value();
    else
      throw std::invalid_argument("unknown option " + flag);
  }
  if (s.members < 1 || s.operations < s.members || s.small_members < 1 ||
      s.small_operations < s.small_members)
    throw std::invalid_argument("members must be positive and at most the operations");
  return s;
}

std::future<result<operation_id>> submit(store& s, operation_request r) {
  return s.submit<operation_id>([r = std::move(r)](write_context& w) -> result<operation_id> {
    auto done = record_operation(w, r);
    if (!done) return done.error();
    return done->record.id;
  });
}

// The cooperative's year: by-laws, a grant for working cash, share capital from every member, then paddy
// bought from members and sold on to a mill in turn, spread over the year's days. Many operations are kept
// in flight so the writer commits them in batches, as it would for many treasurers.
group_id make_cooperative(store& s, const std::string& name, int members, int operations, int year) {
  new_group g;
  g.name = name;
  g.kind = group_kind::agri_cooperative;
  g.currency = "KHR";
  auto group =
      must(s.submit<group_info>([g](write_context& w) { return create_group(w, g); }).get(), "group").id;
  const calendar_date first = *calendar_date::parse(std::to_string(year) + "-01-01");
  std::vector<member_id> ids;
  for (int i = 0; i < members; ++i) {
    new_member m{group, "Member " + std::to_string(i + 1), "", "", i % 2 ? "female" : "male", first};
    ids.push_back(
        must(s.submit<member_info>([m](write_context& w) { return add_member(w, m); }).get(), "member").id);
  }
  std::deque<std::future<result<operation_id>>> in_flight;
  auto send = [&](operation_request r) {
    in_flight.push_back(submit(s, std::move(r)));
    if (in_flight.size() >= 512) {
      must(in_flight.front().get(), "operation");
      in_flight.pop_front();
    }
  };
  send(samaki::bench::operation(group, "bylaws", first,
                                {{"reserve_percent", text("10")},
                                 {"education_percent", text("5")},
                                 {"dividend_cap_percent", text("8")},
                                 {"patronage_percent", text("40")},
                                 {"patronage_cash_percent", text("60")},
                                 {"cash_unit", text("100")}}));
  send(samaki::bench::operation(group, "grant", first,
                                {{"amount", text("5000000000")}, {"to", text("1010")}}));
  for (int i = 0; i < members; ++i)
    send(samaki::bench::operation(group, "share_capital", first,
                                  {{"member_id", field_value{ids[static_cast<std::size_t>(i)].value}},
                                   {"amount", text("100000")},
                                   {"direction", text("buy")}}));
  const int trades = operations - members - 2;
  for (int k = 0; k < trades; ++k) {
    auto day = first.plus_days(k * 364 / trades);
    if (k % 4 == 3) {
      send(samaki::bench::operation(group, "produce_sale", day,
                                    {{"buyer", text("Rice mill")},
                                     {"crop", text("paddy")},
                                     {"quantity_kg", text("300")},
                                     {"price_per_kg", text("1300")}}));
    } else {
      auto member = ids[static_cast<std::size_t>(k) % ids.size()];
      send(samaki::bench::operation(group, "produce_purchase", day,
                                    {{"member_id", field_value{member.value}},
                                     {"crop", text("paddy")},
                                     {"quantity_kg", text(std::to_string(100 + k % 7))},
                                     {"price_per_kg", text("1100")}}));
    }
  }
  while (!in_flight.empty()) {
    must(in_flight.front().get(), "operation");
    in_flight.pop_front();
  }
  return group;
}

struct timings {
  double preview = 0, close = 0, annual = 0;
};

timings measure(store& s, read_session& reader, group_id group, int year) {
  const auto dividend = *percent::parse("5");
  timings t;
  t.preview = milliseconds_of(
      [&] { must(read_appropriation_report(reader.db(), group, year, dividend), "appropriation preview"); });
  const auto close_day = *calendar_date::parse(std::to_string(year + 1) + "-01-15");
  t.close = milliseconds_of([&] {
    must(submit(s, samaki::bench::operation(
                       group, "year_end", close_day,
                       {{"year", field_value{std::int64_t{year}}}, {"dividend_percent", text("5")}}))
             .get(),
         "year end");
  });
  t.annual =
      milliseconds_of([&] { must(read_annual_report(reader.db(), group, year, dividend), "annual report"); });
  return t;
}

}  // namespace

int main(int argc, char** argv) try {
  auto cfg = parse(argc, argv);
  auto dir = std::filesystem::path(cfg.dir) / ("samaki-bench-coop-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = (dir / "bench.db").string();
  {
    store s(store_options{path});
    const int year = calendar_date::today(s.options().timezone_offset_minutes).year() - 1;
    auto started = clock_type::now();
    auto big = make_cooperative(s, "Big cooperative", cfg.members, cfg.operations, year);
    auto built = std::chrono::duration<double>(clock_type::now() - started).count();
    std::fprintf(stderr, "recorded %d operations for %d members in %.1f s: %.0f operations/s\n",
                 cfg.operations, cfg.members, built, cfg.operations / built);
    auto small = make_cooperative(s, "Small cooperative", cfg.small_members, cfg.small_operations, year);
    read_session reader(path);
    auto b = measure(s, reader, big, year);
    auto m = measure(s, reader, small, year);
    std::printf("| ms | %d members, %d operations | %d members, %d operations | ratio |\n", cfg.members,
                cfg.operations, cfg.small_members, cfg.small_operations);
    std::printf("|---|---:|---:|---:|\n");
    std::printf("| appropriation preview | %.1f | %.1f | %.1f |\n", b.preview, m.preview,
                b.preview / m.preview);
    std::printf("| year_end (close with seal) | %.1f | %.1f | %.1f |\n", b.close, m.close, b.close / m.close);
    std::printf("| annual report | %.1f | %.1f | %.1f |\n", b.annual, m.annual, b.annual / m.annual);
    s.stop();
  }
  if (cfg.keep)
    std::fprintf(stderr, "the database is kept at %s\n", path.c_str());
  else
    std::filesystem::remove_all(dir);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_coop: %s\n", e.what());
  return 1;
}
