#include "server/client/server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <regex>
#include <stdexcept>

namespace samaki::client {
namespace {

int status_code(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return -1;
}

// Runs in the child between fork and exec: only async-signal-safe calls, then exec or _exit.
[[noreturn]] void exec_child(const server_process::options& opts, std::vector<char*>& argv,
                             std::vector<char*>& envp, int out_fd) {
  ::dup2(out_fd, STDOUT_FILENO);
  ::dup2(out_fd, STDERR_FILENO);
  ::close(out_fd);
  // The server goes when the test process goes, even if the test crashes.
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (!opts.working_directory.empty() && ::chdir(opts.working_directory.c_str()) != 0) ::_exit(126);
  ::execve(opts.binary.c_str(), argv.data(), envp.data());
  ::_exit(127);
}

}  // namespace

server_process::server_process(options opts) {
  std::vector<std::string> args = {opts.binary, "serve", "--port", "0"};
  if (!opts.db_path.empty()) args.insert(args.end(), {"--db", opts.db_path});
  args.insert(args.end(), opts.extra_args.begin(), opts.extra_args.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  // Ours plus the extra variables, built before fork (nothing may allocate in the child).
  std::vector<std::string> environment;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const bool overridden = std::ranges::any_of(
        opts.environment, [&](const auto& extra) { return entry.starts_with(extra.first + "="); });
    if (!overridden) environment.emplace_back(entry);
  }
  for (const auto& [name, value] : opts.environment) environment.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  pid_ = ::fork();
  if (pid_ == 0) exec_child(opts, argv, envp, fds[1]);
  ::close(fds[1]);
  if (pid_ < 0) {
    ::close(fds[0]);
    throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  }
  reader_ = std::thread([this, fd = fds[0]] { read_output(fd); });

  static const std::regex listening(R"(listening on http://[^\s:]+:(\d+))");
  std::unique_lock lock(mutex_);
  std::smatch match;
  const bool started = output_changed_.wait_for(lock, opts.start_timeout, [&] {
    return std::regex_search(output_, match, listening) || output_closed_;
  });
  if (started && !match.empty()) {
    port_ = static_cast<std::uint16_t>(std::stoi(match[1].str()));
    return;
  }
  const std::string seen = output_;
  lock.unlock();
  kill_now();
  if (reader_.joinable()) reader_.join();
  throw std::runtime_error("samaki serve did not start; it wrote:\n" + seen);
}

server_process::~server_process() {
  if (running()) stop();
  if (reader_.joinable()) reader_.join();
}

void server_process::read_output(int fd) {
  char chunk[4096];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    std::lock_guard lock(mutex_);
    if (n <= 0) {
      output_closed_ = true;
      output_changed_.notify_all();
      break;
    }
    output_.append(chunk, static_cast<std::size_t>(n));
    output_changed_.notify_all();
  }
  ::close(fd);
}

std::string server_process::output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

std::optional<int> server_process::reap(bool block) {
  if (exit_status_) return exit_status_;
  int status = 0;
  const pid_t done = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
  if (done == pid_) exit_status_ = status_code(status);
  return exit_status_;
}

std::optional<int> server_process::wait_for_exit(std::chrono::milliseconds patience) {
  const auto deadline = std::chrono::steady_clock::now() + patience;
  while (!reap(false)) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return exit_status_;
}

int server_process::stop(std::chrono::seconds patience) {
  if (running()) ::kill(pid_, SIGTERM);
  if (!wait_for_exit(patience)) kill_now();
  return *exit_status_;
}

void server_process::kill_now() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  reap(true);
}

}  // namespace samaki::client
