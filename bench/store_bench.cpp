// Store benchmark: K submitter threads post entries (3-5 lines) through the single writer, and the same
// run measures the raw ceiling: the same rows inserted by one plain loop of batched SQLite transactions
// with the same durability. Both run on a database that already holds --history entries.
//
//   bench_store [--history N]... [--entries N] [--threads K] [--window W] [--rounds R] [--normal] [--dir
//   PATH]
//
// Prints one Markdown table row per history size: the medians over R rounds, each round the writer and
// then the ceiling, so a noisy neighbour slowing one moment weighs on both sides of a round's ratio.
#include "bench/bench_support.hpp"
#include "ledger/groups/registry.hpp"
#include "ledger/journal/hash_chain.hpp"
#include "ledger/journal/posting.hpp"
#include "ledger/store/sqlite.hpp"
#include "ledger/store/store.hpp"
#include "ledger/store/write_context.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace samaki::ledger;
using clock_type = std::chrono::steady_clock;

namespace {

struct settings {
  std::vector<long> histories;
  long entries = 100000;
  int threads = 4;
  int window = 16;
  int rounds = 1;
  bool synchronous_full = true;
  std::string dir = "/tmp";
};

constexpr int groups_count = 20;
constexpr int members_per_group = 25;

struct fixture {
  std::vector<group_id> groups;
  std::vector<std::vector<member_id>> members;
};

// The n-th benchmark posting: a meeting line set of 3 to 5 lines, all valid.
posting make_posting(const fixture& f, long n, const std::string& key_prefix) {
  auto gi = static_cast<std::size_t>(n % groups_count);
  const auto& ms = f.members[gi];
  auto m1 = ms[static_cast<std::size_t>(n / groups_count) % ms.size()];
  auto m2 = ms[static_cast<std::size_t>(n / groups_count + 7) % ms.size()];
  posting p;
  p.group = f.groups[gi];
  p.date = calendar_date::from_ymd(2026, 6, 1);
  p.memo = "Meeting: shares and fines";
  p.idempotency_key = key_prefix + std::to_string(n);
  p.author = "bench";
  switch (n % 3) {
    case 0:  // shares and a fine
      p.lines = {{"1010", std::nullopt, side::debit, "25500", ""},
                 {"3010", m1, side::credit, "20000", ""},
                 {"4020", std::nullopt, side::credit, "5500", ""}};
      break;
    case 1:  // two members' shares and a fine
      p.lines = {{"1010", std::nullopt, side::debit, "25500", ""},
                 {"3010", m1, side::credit, "20000", ""},
                 {"3010", m2, side::credit, "5000", ""},
                 {"4020", std::nullopt, side::credit, "500", ""}};
      break;
    default:  // two members' shares and the social fund
      p.lines = {{"1010", std::nullopt, side::debit, "25000", ""},
                 {"1020", std::nullopt, side::debit, "1500", ""},
                 {"3010", m1, side::credit, "20000", ""},
                 {"3010", m2, side::credit, "5000", ""},
                 {"3030", std::nullopt, side::credit, "1500", ""}};
  }
  return p;
}

fixture make_fixture(store& s) {
  fixture f;
  for (int g = 0; g < groups_count; ++g) {
    new_group ng;
    ng.name = "Bench group " + std::to_string(g);
    ng.kind = group_kind::savings_group;
    ng.currency = "KHR";
    auto group =
        s.submit<group_info>([ng](write_context& ctx) { return create_group(ctx, ng); }).get().value();
    f.groups.push_back(group.id);
    f.members.emplace_back();
    for (int m = 0; m < members_per_group; ++m) {
      new_member nm{group.id, "Member " + std::to_string(m), "", "", "", std::nullopt};
      auto member =
          s.submit<member_info>([nm](write_context& ctx) { return add_member(ctx, nm); }).get().value();
      f.members.back().push_back(member.id);
    }
  }
  return f;
}

// K submitter threads, each keeping `window` postings in flight (like K I/O threads serving window
// connections each). Returns entries/s.
double run_writer(store& s, const fixture& f, long count, int threads, int window,
                  const std::string& prefix) {
  std::atomic<long> next{0}, failures{0};
  auto start = clock_type::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      std::mutex m;
      std::condition_variable cv;
      int in_flight = 0;
      for (long n; (n = next++) < count;) {
        {
          std::unique_lock lock(m);
          cv.wait(lock, [&] { return in_flight < window; });
          ++in_flight;
        }
        auto p = make_posting(f, n, prefix);
        s.submit<posted>([p = std::move(p)](write_context& ctx) { return post_entry(ctx, p); },
                         [&](result<posted> r) {
                           if (!r) ++failures;
                           std::lock_guard lock(m);
                           --in_flight;
                           cv.notify_one();
                         });
      }
      std::unique_lock lock(m);
      cv.wait(lock, [&] { return in_flight == 0; });
    });
  for (auto& t : pool) t.join();
  double seconds = std::chrono::duration<double>(clock_type::now() - start).count();
  if (failures) std::fprintf(stderr, "bench_store: %ld postings failed\n", failures.load());
  return static_cast<double>(count) / seconds;
}

// The ceiling: the rows a posting writes (entry, lines, balances, chain head, idempotency key) into the
// same groups, inserted by one loop in transactions of `batch` entries, with no validation, queueing or
// hashing. Its hashes are placeholders: this database is for measuring only.
double run_raw(const std::string& path, bool synchronous_full, const fixture& f, long count, long batch,
               const std::string& prefix) {
  sqlite::connection db(path, sqlite::open_mode::read_write_create);
  configure_connection(db, synchronous_full);
  db.exec("PRAGMA cache_size = -65536");
  // Account ids and the next seq of every group, looked up once.
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> accounts;
  std::map<std::int64_t, std::int64_t> seqs;
  for (auto group : f.groups) {
    auto s = db.prepare("SELECT code, id FROM accounts WHERE group_id = ?");
    s->bind(1, group.value);
    while (s->step()) accounts[{group.value, s->column_text(0)}] = s->column_int(1);
    auto q = db.prepare("SELECT coalesce(max(seq), 0) FROM entries WHERE group_id = ?");
    q->bind(1, group.value);
    q->step();
    seqs[group.value] = q->column_int(0);
  }
  digest hash = sha256("raw");
  auto start = clock_type::now();
  for (long done = 0; done < count;) {
    sqlite::transaction tx(db);
    for (long i = 0; i < batch && done < count; ++i, ++done) {
      auto p = make_posting(f, done, prefix);
      auto g = p.group.value;
      auto seq = ++seqs[g];
      {
        auto s = db.prepare(
            "INSERT INTO entries (group_id, seq, date, memo, reverses, created_by, created_at, prev_hash, "
            "hash) "
            "VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)");
        s->bind(1, g).bind(2, seq).bind(3, p.date.to_string()).bind(4, p.memo).bind(5, p.author);
        s->bind(6, "2026-06-01T00:00:00.000Z").bind_blob(7, hash).bind_blob(8, hash);
        s->run();
      }
      auto entry = db.last_insert_rowid();
      int line_no = 0;
      for (const auto& l : p.lines) {
        std::int64_t amount = std::stoll(l.amount) * 100;
        std::int64_t member = l.member ? l.member->value : 0;
        auto account = accounts[{g, l.account}];
        {
          auto s = db.prepare(
              "INSERT INTO lines (entry_id, line_no, account_id, member_id, debit, credit, memo) "
              "VALUES (?, ?, ?, ?, ?, ?, '')");
          s->bind(1, entry).bind(2, ++line_no).bind(3, account);
          s->bind(4, l.member ? std::optional(member) : std::nullopt);
          s->bind(5, l.side == side::debit ? amount : 0).bind(6, l.side == side::credit ? amount : 0);
          s->run();
        }
        auto s = db.prepare(
            "INSERT INTO balances (account_id, member_id, balance) VALUES (?, ?, ?) "
            "ON CONFLICT (account_id, member_id) DO UPDATE SET balance = balance + excluded.balance");
        s->bind(1, account).bind(2, member).bind(3, l.side == side::debit ? amount : -amount);
        s->run();
      }
      {
        auto s = db.prepare(
            "INSERT INTO chain_heads (group_id, seq, hash) VALUES (?, ?, ?) "
            "ON CONFLICT (group_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
        s->bind(1, g).bind(2, seq).bind_blob(3, hash);
        s->run();
      }
      auto s = db.prepare(
          "INSERT INTO idempotency_keys (group_id, key, request_hash, entry_id) VALUES (?, ?, ?, ?)");
      s->bind(1, g).bind(2, p.idempotency_key).bind_blob(3, hash).bind(4, entry);
      s->run();
    }
    tx.commit();
  }
  double seconds = std::chrono::duration<double>(clock_type::now() - start).count();
  return static_cast<double>(count) / seconds;
}

long count_entries(const std::string& path) {
  sqlite::connection db(path, sqlite::open_mode::read_only);
  return db.query_int("SELECT count(*) FROM entries");
}

settings parse(int argc, char** argv) try {
  settings s;
  for (samaki::bench::command_line args(argc, argv); args.next();) {
    const auto& a = args.flag();
    if (a == "--history")
      s.histories.push_back(std::stol(args.value()));
    else if (a == "--entries")
      s.entries = std::stol(args.value());
    else if (a == "--threads")
      s.threads = std::stoi(args.value());
    else if (a == "--window")
      s.window = std::stoi(args.value());
    else if (a == "--rounds")
      s.rounds = std::max(1, std::stoi(args.value()));
    else if (a == "--normal")
      s.synchronous_full = false;
    else if (a == "--dir")
      s.dir = args.value();
    else
      throw std::invalid_argument("unknown option " + a);
  }
  if (s.histories.empty()) s.histories = {100000};
  return s;
} catch (const std::exception& e) {
  std::fprintf(
      stderr,
      "%s\nusage: bench_store [--history N]... [--entries N] [--threads K] [--window W] [--rounds R] "
      "[--normal] [--dir D]\n",
      e.what());
  std::exit(2);
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  auto n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  auto cfg = parse(argc, argv);
  auto dir = std::filesystem::path(cfg.dir) / ("samaki-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = (dir / "bench.db").string();
  std::printf(
      "| history (entries) | in flight | entries | writer entries/s | raw ceiling entries/s | ratio | mean "
      "batch |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|\n");
  fixture f;
  long round = 0;
  {
    store s(store_options{path, cfg.synchronous_full});
    f = make_fixture(s);
  }
  for (long history : cfg.histories) {
    // Fill the history quickly through the raw path without durability; it is not measured.
    long have = count_entries(path);
    if (have < history) run_raw(path, false, f, history - have, 5000, "fill" + std::to_string(round) + "-");
    std::vector<double> writer_rates, raw_rates, ratios;
    long mean_batch = 1;
    for (int r = 0; r < cfg.rounds; ++r, ++round) {
      std::atomic<long> batches{0}, batched{0}, busy_ns{0}, commit_ns{0};
      double writer_rate;
      {
        store s(store_options{path, cfg.synchronous_full});
        s.on_batch([&](const batch_report& report) {
          ++batches;
          batched += static_cast<long>(report.size);
          busy_ns += static_cast<long>(report.duration.count());
          commit_ns += static_cast<long>(report.commit_duration.count());
        });
        writer_rate =
            run_writer(s, f, cfg.entries, cfg.threads, cfg.window, "w" + std::to_string(round) + "-");
      }
      mean_batch = batches ? batched / batches : 1;
      std::fprintf(stderr, "writer busy %.2f s, of which commit %.2f s, in %ld batches\n",
                   static_cast<double>(busy_ns.load()) / 1e9, static_cast<double>(commit_ns.load()) / 1e9,
                   batches.load());
      // The ceiling commits in batches of the writer's mean size, so both write the same WAL per commit.
      double raw_rate = run_raw(path, cfg.synchronous_full, f, cfg.entries, std::max(1L, mean_batch),
                                "r" + std::to_string(round) + "-");
      std::fprintf(stderr, "round %d: writer %.0f/s, ceiling %.0f/s, ratio %.2f\n", r + 1, writer_rate,
                   raw_rate, writer_rate / raw_rate);
      writer_rates.push_back(writer_rate);
      raw_rates.push_back(raw_rate);
      ratios.push_back(writer_rate / raw_rate);
    }
    std::printf("| %ld | %d | %ld | %.0f | %.0f | %.2f | %ld |\n", history, cfg.threads * cfg.window,
                cfg.entries, median(writer_rates), median(raw_rates), median(ratios), mean_batch);
    std::fflush(stdout);
  }
  std::filesystem::remove_all(dir);
}
