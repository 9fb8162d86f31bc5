// bench_ledgers: Samaki's balances against hledger's and ledger's on the same books. Takes groups of a
// database (made by samaki_scale) in id order until their entries reach --entries, writes their journals
// as `samaki export` does (ledger/reports/hledger), each under `apply account g<id>` so the groups stay
// apart, then runs, each as a child process timed with wait4 (wall time and peak RSS):
//   - hledger -f FILE balance --flat --depth 3 -O csv   (/usr/bin/hledger)
//   - ledger -f FILE balance --flat              (/usr/bin/ledger; its --depth leaves out accounts whose
//     postings are all on sub-accounts, so each member's sub-account is read and summed here instead)
//   - this program with --samaki-balance: opens the database and prints every group's trial balance (the
//     report read from the running balances of the indexed database), in the same shape.
// Depth 3 is the account (g<id>:<type>:<code> <name>), members' sub-accounts summed in, as in the trial
// balance; every listing is read down to that account. It compares the three outputs account by account and
// prints the medians over --rounds.
//
//   bench_ledgers --db PATH [--entries N] [--rounds R] [--journal PATH]
#include "bench/bench_support.hpp"

#include "ledger/reports/hledger.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/read_session.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace samaki;
using namespace samaki::ledger;
using bench::median;

namespace {

struct settings {
  std::string db;
  std::int64_t entries = 100000;
  int rounds = 3;
  std::string journal;
  bool samaki_child = false;
  std::vector<std::int64_t> groups;  // --samaki-balance: the groups to print
};

settings parse(int argc, char** argv) {
  settings s;
  for (bench::command_line args(argc, argv); args.next();) {
    const auto& flag = args.flag();
    if (flag == "--db")
      s.db = args.value();
    else if (flag == "--entries")
      s.entries = std::stoll(args.value());
    else if (flag == "--rounds")
      s.rounds = std::stoi(args.value());
    else if (flag == "--journal")
      s.journal = args.value();
    else if (flag == "--samaki-balance")
      s.samaki_child = true;
    else if (flag == "--group")
      s.groups.push_back(std::stoll(args.value()));
    else
      throw std::invalid_argument("unknown option " + flag);
  }
  if (s.db.empty() || s.rounds < 1) throw std::invalid_argument("--db PATH is required, --rounds positive");
  return s;
}

// The child's side: every asked group's trial balance as "g<id>:<type>:<code><TAB><amount> <currency>",
// debits positive, as hledger shows them.
int print_samaki_balances(const settings& cfg) {
  read_session reader(cfg.db);
  sqlite::read_snapshot snapshot(reader.db());
  std::string out;
  for (auto id : cfg.groups)
    for (const auto& c : trial_balance(reader.db(), group_id{id}, std::nullopt))
      for (const auto& row : c.rows) {
        auto net = subtract(row.debit, row.credit);
        if (!net) throw std::runtime_error("a balance out of range");
        out += "g" + std::to_string(id) + ":" + std::string(type_name(row.type)) + ":" + row.code + "\t" +
               net->amount_text() + " " + std::string(net->currency_code()) + "\n";
      }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

struct child_run {
  double seconds = 0;
  double cpu_seconds = 0;  // user and system: what the machine's other load does not inflate
  long peak_kib = 0;
  std::string output;
};

// Runs argv with standard output to a file, waits with wait4: wall time, peak RSS, what it printed.
child_run run_child(const std::vector<std::string>& args, const std::filesystem::path& out_file) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const auto started = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int fd = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || ::dup2(fd, STDOUT_FILENO) < 0) ::_exit(126);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  if (::wait4(pid, &status, 0, &usage) != pid) throw std::runtime_error("wait4 failed");
  child_run r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  r.peak_kib = usage.ru_maxrss;
  auto seconds_of = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  r.cpu_seconds = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error(args[0] + " failed with status " + std::to_string(status));
  std::ifstream in(out_file);
  std::stringstream text;
  text << in.rdbuf();
  r.output = text.str();
  return r;
}

// "g12:asset:1010 Cash<sep>-1234.50 KHR" (any run of spaces, tabs or a CSV quote between) → key
// "g12:asset:1010", minor units (two decimals, as every currency we export has).
std::map<std::string, std::int64_t> parse_balances(const std::string& text) {
  std::map<std::string, std::int64_t> out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::erase(line, ',');  // a thousands mark, or CSV's separator: neither is part of a number we read
    const auto g = line.find_first_not_of(" \t\"");
    if (g == std::string::npos || line[g] != 'g') continue;
    const auto first_colon = line.find(':', g);
    const auto second_colon =
        first_colon == std::string::npos ? first_colon : line.find(':', first_colon + 1);
    if (second_colon == std::string::npos) continue;
    const auto code_end = line.find_first_of(" \t", second_colon);
    const auto key = line.substr(g, code_end - g);
    // The amount: the last number on the line before the currency.
    const auto currency_at = line.find_last_of(' ');
    const auto number_end = line.find_last_not_of(' ', currency_at);
    const auto number_start = line.find_last_of(" \t\"", number_end) + 1;
    const auto number = line.substr(number_start, number_end - number_start + 1);
    const bool negative = number.starts_with('-');
    const auto digits = negative ? number.substr(1) : number;
    const auto dot = digits.find('.');
    std::int64_t minor = std::stoll(digits.substr(0, dot)) * 100;
    if (dot != std::string::npos) minor += std::stoll((digits.substr(dot + 1) + "00").substr(0, 2));
    out[key] += negative ? -minor : minor;
  }
  return out;
}

// How many accounts differ between two listings (an account missing from one counts when non-zero).
int differences(const std::map<std::string, std::int64_t>& a, const std::map<std::string, std::int64_t>& b) {
  int n = 0;
  for (const auto& [k, v] : a) {
    auto it = b.find(k);
    if ((it == b.end() ? 0 : it->second) != v) ++n;
  }
  for (const auto& [k, v] : b)
    if (!a.contains(k) && v != 0) ++n;
  return n;
}

std::string self_path() {
  return std::filesystem::read_symlink("/proc/self/exe").string();
}

}  // namespace

int main(int argc, char** argv) try {
  const auto cfg = parse(argc, argv);
  if (cfg.samaki_child) return print_samaki_balances(cfg);

  // The groups, in id order, until their entries reach the aim; their journals in one file.
  read_session reader(cfg.db);
  auto& db = reader.db();
  std::vector<std::int64_t> groups;
  std::int64_t entries = 0;
  auto journal_path = cfg.journal.empty()
                          ? std::filesystem::temp_directory_path() /
                                ("samaki-bench-ledgers-" + std::to_string(::getpid()) + ".journal")
                          : std::filesystem::path(cfg.journal);
  {
    std::ofstream journal(journal_path);
    auto count = db.prepare("SELECT count(*) FROM entries WHERE group_id = ?1");
    for (const auto& g : list_groups(db, std::nullopt)) {
      if (entries >= cfg.entries) break;
      journal << "apply account g" << g.id.value << "\n"
              << hledger_journal(db, g.id) << "end apply account\n\n";
      count->bind(1, g.id.value);
      count->step();
      entries += count->column_int(0);
      count->reset();
      groups.push_back(g.id.value);
    }
  }
  const auto journal_bytes = std::filesystem::file_size(journal_path);

  std::vector<std::string> samaki_args{self_path(), "--db", cfg.db, "--samaki-balance"};
  for (auto g : groups) {
    samaki_args.push_back("--group");
    samaki_args.push_back(std::to_string(g));
  }
  const std::string file = journal_path.string();
  struct tool {
    const char* name;
    std::vector<std::string> args;
    std::vector<double> seconds, cpu_seconds;
    std::vector<long> peak_kib;
    std::map<std::string, std::int64_t> balances;
  };
  std::vector<tool> tools{
      {"samaki (trial balance on the database)", samaki_args, {}, {}, {}, {}},
      {"hledger balance",
       {"/usr/bin/hledger", "-f", file, "balance", "--flat", "--depth", "3", "--no-total", "-O", "csv"},
       {},
       {},
       {},
       {}},
      {"ledger balance",
       {"/usr/bin/ledger", "-f", file, "balance", "--flat", "--no-total", "--balance-format",
        "%(account)\t%(display_total)\n"},
       {},
       {},
       {},
       {}},
  };
  const auto out_file = std::filesystem::path(file + ".out");
  for (int r = 0; r < cfg.rounds; ++r)
    for (auto& t : tools) {
      auto run = run_child(t.args, out_file);
      t.seconds.push_back(run.seconds);
      t.cpu_seconds.push_back(run.cpu_seconds);
      t.peak_kib.push_back(run.peak_kib);
      if (r == 0) t.balances = parse_balances(run.output);
    }
  std::filesystem::remove(out_file);
  if (cfg.journal.empty()) std::filesystem::remove(journal_path);

  // In-process: the trial balances alone, without starting a process or opening the database.
  std::vector<double> in_process;
  for (int r = 0; r < cfg.rounds * 5; ++r)
    in_process.push_back(bench::milliseconds_of([&] {
      sqlite::read_snapshot snapshot(db);
      for (auto g : groups) trial_balance(db, group_id{g}, std::nullopt);
    }));

  std::printf(
      "journal: %zu groups, %lld transactions, %.1f MiB (hledger format, as `samaki export` writes it)\n",
      groups.size(), static_cast<long long>(entries), static_cast<double>(journal_bytes) / (1 << 20));
  const auto& samaki = tools[0];
  std::printf(
      "| median of %d | wall time | CPU time | peak RSS | accounts | differ from Samaki's | wall ÷ Samaki's "
      "| "
      "CPU ÷ Samaki's | memory ÷ Samaki's |\n",
      cfg.rounds);
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  const double samaki_s = median(samaki.seconds);
  const double samaki_cpu = median(samaki.cpu_seconds);
  const double samaki_kib = median(std::vector<double>(samaki.peak_kib.begin(), samaki.peak_kib.end()));
  int total_differences = 0;
  for (const auto& t : tools) {
    const double s = median(t.seconds);
    const double cpu = median(t.cpu_seconds);
    const double kib = median(std::vector<double>(t.peak_kib.begin(), t.peak_kib.end()));
    const int differ = differences(samaki.balances, t.balances);
    total_differences += differ;
    std::printf("| %s | %.3f s | %.3f s | %.1f MiB | %zu | %d | %.1f | %.1f | %.1f |\n", t.name, s, cpu,
                kib / 1024, t.balances.size(), differ, s / samaki_s, cpu / samaki_cpu, kib / samaki_kib);
  }
  std::printf("samaki in process (the trial balances alone, one snapshot): %.2f ms\n", median(in_process));
  std::printf("balances: %s\n", total_differences == 0 && !samaki.balances.empty()
                                    ? "the same in all three, account by account"
                                    : "DIFFERENT (see the column)");
  return total_differences == 0 ? 0 : 1;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_ledgers: %s\n", e.what());
  return 1;
}
