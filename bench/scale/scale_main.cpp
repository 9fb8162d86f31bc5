// samaki_scale: makes a province's books through the operations into a database file (see province.hpp),
// then, with --verify, runs the ledger's verify over every group and checks every trial balance is zero.
// Progress on standard error (a bar at a terminal, plain lines otherwise); the figures on standard output.
//
//   samaki_scale --db PATH [--groups N] [--members N] [--years N] [--cooperatives N] [--cooperative-members
//   N]
//                [--committees N] [--seed S] [--in-flight N] [--verify]
//
// Defaults: a province (2,000 savings groups, 50,000 members, 5 years, 4 cooperatives of 120 members and 4
// cashew committees of 18). The database must not exist yet.
#include "bench/bench_support.hpp"
#include "bench/scale/books_check.hpp"
#include "bench/scale/province.hpp"

#include "ledger/store/read_session.hpp"
#include "server/cli/progress.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

using namespace samaki;

namespace {

struct settings {
  std::string db;
  bench::province_plan plan;
  bool verify = false;
};

settings parse(int argc, char** argv) {
  settings s;
  for (bench::command_line args(argc, argv); args.next();) {
    const auto& flag = args.flag();
    if (flag == "--db")
      s.db = args.value();
    else if (flag == "--groups")
      s.plan.savings_groups = args.count();
    else if (flag == "--members")
      s.plan.members = args.count();
    else if (flag == "--years")
      s.plan.years = args.count();
    else if (flag == "--cooperatives")
      s.plan.cooperatives = args.count();
    else if (flag == "--cooperative-members")
      s.plan.cooperative_members = args.count();
    else if (flag == "--committees")
      s.plan.committees = args.count();
    else if (flag == "--seed")
      s.plan.seed = static_cast<std::uint32_t>(std::stoul(args.value()));
    else if (flag == "--in-flight")
      s.plan.in_flight = args.count();
    else if (flag == "--verify")
      s.verify = true;
    else
      throw std::invalid_argument("unknown option " + flag);
  }
  if (s.db.empty()) throw std::invalid_argument("--db PATH is required");
  if (std::filesystem::exists(s.db)) throw std::invalid_argument(s.db + " exists already");
  return s;
}

std::int64_t count_rows(ledger::sqlite::connection& db, const char* table) {
  auto st = db.prepare(std::string("SELECT count(*) FROM ") + table);
  st->step();
  return st->column_int(0);
}

std::int64_t pragma(ledger::sqlite::connection& db, const char* name) {
  auto st = db.prepare(std::string("PRAGMA ") + name);
  st->step();
  return st->column_int(0);
}

}  // namespace

int main(int argc, char** argv) try {
  const auto cfg = parse(argc, argv);
  const auto started = std::chrono::steady_clock::now();
  std::int64_t groups = 0;
  {
    ledger::store store(ledger::store_options{cfg.db});
    server::progress_bar bar("scale");
    groups = static_cast<std::int64_t>(
        bench::make_province(store, cfg.plan, [&bar](std::int64_t done, std::int64_t total) {
          bar.advance(done, total);
        }).size());
    store.stop();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ledger::read_session reads(cfg.db);
  auto& db = reads.db();
  const auto members = count_rows(db, "members");
  const auto operations = count_rows(db, "operations");
  const auto entries = count_rows(db, "entries");
  const auto lines = count_rows(db, "lines");
  // Pages as this snapshot sees them, the write-ahead log's included.
  const auto bytes = static_cast<double>(pragma(db, "page_count") * pragma(db, "page_size"));
  std::printf(
      "groups      %lld (%d savings groups, %d cooperatives, %d committees), %lld members, %d years\n",
      static_cast<long long>(groups), cfg.plan.savings_groups, cfg.plan.cooperatives, cfg.plan.committees,
      static_cast<long long>(members), cfg.plan.years);
  std::printf("made        %lld operations, %lld entries, %lld lines in %.1f s (%.0f operations/s)\n",
              static_cast<long long>(operations), static_cast<long long>(entries),
              static_cast<long long>(lines), seconds, static_cast<double>(operations) / seconds);
  std::printf("database    %.1f MiB, %.1f MiB per million lines\n", bytes / (1 << 20),
              lines > 0 ? bytes / (1 << 20) / (static_cast<double>(lines) / 1e6) : 0.0);
  if (!cfg.verify) return 0;
  const auto checking = std::chrono::steady_clock::now();
  bench::books_checked checked;
  {
    server::progress_bar bar("verify");
    checked =
        bench::check_books(db, [&bar](std::int64_t done, std::int64_t total) { bar.advance(done, total); });
  }
  for (const auto& p : checked.problems) std::printf("FAILED      %s\n", p.c_str());
  std::printf("verify      %lld groups: chains, running balances and trial balances %s in %.1f s\n",
              static_cast<long long>(checked.groups), checked.problems.empty() ? "ok" : "NOT ok",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - checking).count());
  return checked.problems.empty() ? 0 : 1;
} catch (const std::invalid_argument& e) {
  std::fprintf(stderr, "samaki_scale: %s\n", e.what());
  return 2;
} catch (const std::exception& e) {
  std::fprintf(stderr, "samaki_scale: %s\n", e.what());
  return 1;
}
