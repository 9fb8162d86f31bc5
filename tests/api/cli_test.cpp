// The command line as a person runs it: demo, verify (exit 0 or 1, naming the first bad entry), backup
// and restore, export, --help and unknown options, each through the real `samaki` binary.
#include "ledger/store/sqlite.hpp"

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace {

struct run_result {
  int status = -1;
  std::string output;  // standard output and error together
};

run_result run_samaki(const std::string& arguments) {
  run_result r;
  std::string command = std::string(SAMAKI_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (auto n = std::fread(buffer, 1, sizeof buffer, pipe)) r.output.append(buffer, n);
  int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A fresh folder with the demonstration database in it.
struct demo_folder {
  demo_folder() {
    dir = std::filesystem::temp_directory_path() /
          ("samaki-cli-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(dir);
    db = (dir / "samaki.db").string();
    auto loaded = run_samaki("demo --db " + db);
    REQUIRE(loaded.status == 0);
  }
  ~demo_folder() { std::filesystem::remove_all(dir); }
  std::string file(const std::string& name) const { return (dir / name).string(); }

  static inline int counter = 0;
  std::filesystem::path dir;
  std::string db;
};

// What a tamperer with the file would do: drop the append-only triggers, change one amount.
void change_an_amount(const std::string& db, int group, int seq) {
  samaki::ledger::sqlite::connection c(db, samaki::ledger::sqlite::open_mode::read_write_create);
  c.exec("DROP TRIGGER lines_no_update");
  c.exec(
      "UPDATE lines SET debit = debit + 100 WHERE debit > 0 AND entry_id = (SELECT id FROM entries WHERE "
      "group_id = " +
      std::to_string(group) + " AND seq = " + std::to_string(seq) + ")");
}

}  // namespace

TEST_CASE("samaki demo loads once and prints the logins", "[cli]") {
  demo_folder f;
  auto again = run_samaki("demo --db " + f.db);
  CHECK(again.status == 0);
  CHECK(contains(again.output, "already has groups"));
  std::filesystem::remove(f.db);
  auto fresh = run_samaki("demo --db " + f.db);
  CHECK(fresh.status == 0);
  CHECK(contains(fresh.output, "treasurer / samaki-treasurer"));
  CHECK(contains(fresh.output, "treasurer.svayrieng / samaki-treasurer.svayrieng"));
  // Not at a terminal: plain progress lines, no bar redrawn with carriage returns.
  CHECK(contains(fresh.output, "demo: 1/6 Trapeang Thom"));
  CHECK(contains(fresh.output, "demo: 6/6 logins"));
  CHECK_FALSE(contains(fresh.output, "\r"));
}

TEST_CASE("samaki demo twice gives the same ledgers: the same chain heads", "[cli]") {
  demo_folder first;
  demo_folder second;
  auto heads = [](const demo_folder& f) {
    auto out = run_samaki("verify --db " + f.db);
    REQUIRE(out.status == 0);
    return out.output;
  };
  const auto a = heads(first);
  CHECK(contains(a, "group 5: ok"));
  CHECK(a == heads(second));
}

TEST_CASE("every command answers --help, and names an unknown option or subcommand", "[cli]") {
  for (std::string command : {"serve", "user", "verify", "backup", "restore", "export", "demo"}) {
    INFO(command);
    for (std::string flag : {" --help", " -h", " --port --help", " add --help"}) {
      auto help = run_samaki(command + flag);
      CHECK(help.status == 0);
      CHECK(help.output.rfind("usage: samaki " + command, 0) == 0);
      CHECK(contains(help.output, "--db PATH"));
    }
    auto unknown = run_samaki(command + " --db /nonexistent/x.db --frobnicate 3");
    CHECK(unknown.status == 2);
    CHECK(contains(unknown.output, "samaki: unknown option --frobnicate for '" + command + "'"));
    CHECK(contains(unknown.output, "see 'samaki " + command + " --help'"));
    // An unknown option last is still unknown, not an option that "needs a value".
    auto last = run_samaki(command + " --frobnicate");
    CHECK(last.status == 2);
    CHECK(contains(last.output, "unknown option --frobnicate"));
    CHECK_FALSE(contains(last.output, "needs a value"));
    CHECK(run_samaki(command + " -x").status == 2);
  }
  CHECK(contains(run_samaki("serve --port").output, "--port needs a value"));
  auto help = run_samaki("help verify");
  CHECK(help.status == 0);
  CHECK(help.output.rfind("usage: samaki verify [--group ID]", 0) == 0);
  auto list = run_samaki("--help");
  CHECK(list.status == 0);
  for (std::string command : {"serve", "user", "verify", "backup", "restore", "export", "demo"})
    CHECK(contains(list.output, "  " + command + " "));
  auto subcommand = run_samaki("user frob --username x");
  CHECK(subcommand.status == 2);
  CHECK(contains(subcommand.output, "unknown subcommand 'frob' for 'user'"));
  auto command = run_samaki("frob");
  CHECK(command.status == 2);
  CHECK(contains(command.output, "samaki: unknown command 'frob'"));
  CHECK(run_samaki("").status == 2);
}

TEST_CASE("samaki verify exits 0 on sound books and 1 naming the first bad entry", "[cli]") {
  demo_folder f;
  auto sound = run_samaki("verify --db " + f.db);
  CHECK(sound.status == 0);
  CHECK(contains(sound.output, "verify: ok"));
  CHECK(run_samaki("verify --db " + f.db + " --group 2").status == 0);

  auto unknown = run_samaki("verify --db " + f.db + " --group 99");
  CHECK(unknown.status == 1);
  CHECK(contains(unknown.output, "no group 99"));
  CHECK(run_samaki("verify --db " + f.db + " --group abc").status == 2);
  CHECK(run_samaki("verify --db " + f.file("missing.db")).status == 1);
  CHECK_FALSE(std::filesystem::exists(f.file("missing.db")));

  change_an_amount(f.db, 1, 3);
  auto tampered = run_samaki("verify --db " + f.db);
  CHECK(tampered.status == 1);
  CHECK(contains(tampered.output, "group 1: FAILED at entry 3"));
  CHECK(contains(tampered.output, "verify: FAILED"));
  // The other groups still check out on their own.
  CHECK(run_samaki("verify --db " + f.db + " --group 2").status == 0);
}

TEST_CASE("samaki backup and restore round-trip, and restore refuses what it should", "[cli]") {
  demo_folder f;
  auto copy = f.file("copy.db");
  CHECK(run_samaki("backup --db " + f.db + " " + copy).status == 0);
  CHECK(run_samaki("backup --db " + f.db + " " + copy).status == 1);  // never overwrites

  auto restored = f.file("restored.db");
  CHECK(run_samaki("restore --db " + restored + " " + copy).status == 0);
  CHECK(run_samaki("verify --db " + restored).status == 0);
  CHECK(run_samaki("restore --db " + restored + " " + copy).status == 1);  // not into a live database

  change_an_amount(copy, 1, 2);
  auto refused = run_samaki("restore --db " + f.file("other.db") + " " + copy);
  CHECK(refused.status == 1);
  CHECK(contains(refused.output, "fails verification"));
  CHECK_FALSE(std::filesystem::exists(f.file("other.db")));
}

TEST_CASE("samaki export writes a group's journal as hledger or CSV", "[cli]") {
  demo_folder f;
  auto journal = run_samaki("export --db " + f.db + " --group 1 --format hledger");
  CHECK(journal.status == 0);
  CHECK(contains(journal.output, "asset:1010 "));
  CHECK(contains(journal.output, "; seq:1, hash:"));
  auto csv = run_samaki("export --db " + f.db + " --group 1 --format csv");
  CHECK(csv.status == 0);
  CHECK(csv.output.rfind("seq,date,memo,account,member_id,currency,debit,credit", 0) == 0);
  CHECK(contains(csv.output, "Meeting 1: Shares bought"));

  CHECK(run_samaki("export --db " + f.db + " --group 99").status == 1);
  CHECK(run_samaki("export --db " + f.db).status == 2);
  CHECK(run_samaki("export --db " + f.db + " --group 1 --format pdf").status == 2);
}

namespace {
struct terminal_run : run_result {
  bool echo_after = false;  // whether the terminal echoed typing once the command had ended
};

// Runs `samaki ARGS` with a terminal as its standard input and output, types `typed` into it at the
// password prompt, and gives back everything the terminal showed.
terminal_run run_samaki_at_terminal(const std::vector<std::string>& arguments, const std::string& typed) {
  std::vector<char*> argv{const_cast<char*>(SAMAKI_BINARY)};
  for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int terminal = -1;
  pid_t child = ::forkpty(&terminal, nullptr, nullptr, nullptr);
  REQUIRE(child >= 0);
  if (child == 0) {
    ::execv(SAMAKI_BINARY, argv.data());
    ::_exit(127);
  }
  terminal_run r;
  char buffer[4096];
  bool typed_yet = false;
  for (;;) {
    pollfd ready{terminal, POLLIN, 0};
    if (::poll(&ready, 1, 10'000) <= 0) break;  // nothing for 10 s: the child is stuck
    auto n = ::read(terminal, buffer, sizeof buffer);
    if (n <= 0) break;  // the child closed the terminal
    r.output.append(buffer, static_cast<std::size_t>(n));
    if (!typed_yet && contains(r.output, "Password:")) {
      if (::write(terminal, typed.data(), typed.size()) != static_cast<ssize_t>(typed.size())) break;
      typed_yet = true;
    }
  }
  int status = 0;
  bool ended = false;
  for (int waited_ms = 0; !ended && waited_ms < 10'000; waited_ms += 10) {
    ended = ::waitpid(child, &status, WNOHANG) == child;
    if (!ended) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!ended) {  // stuck: the test fails instead of hanging
    ::kill(child, SIGKILL);
    ::waitpid(child, &status, 0);
  }
  termios settings{};
  r.echo_after = ::tcgetattr(terminal, &settings) == 0 && (settings.c_lflag & ECHO) != 0;
  ::close(terminal);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}
}  // namespace

TEST_CASE("samaki user add asks for the password at a terminal and does not show it", "[cli]") {
  demo_folder folder;
  auto added = run_samaki_at_terminal(
      {"user", "add", "--db", folder.db, "--username", "dara", "--role", "staff", "--group", "1"},
      "hidden-words-42\n");
  CHECK(added.status == 0);
  CHECK(contains(added.output, "Password:"));
  CHECK_FALSE(contains(added.output, "hidden-words-42"));
  CHECK(added.echo_after);
}

TEST_CASE("Ctrl-C at the password prompt leaves the terminal echoing again", "[cli]") {
  demo_folder folder;
  auto interrupted = run_samaki_at_terminal(
      {"user", "add", "--db", folder.db, "--username", "dara", "--role", "staff", "--group", "1"}, "\x03");
  CHECK(interrupted.status == -1);  // ended by the signal
  CHECK(contains(interrupted.output, "Password:"));
  CHECK(interrupted.echo_after);
}
