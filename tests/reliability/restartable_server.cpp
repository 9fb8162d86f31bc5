#include "tests/reliability/restartable_server.hpp"

#include "tests/api/http_client.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace samaki::reliability_test {
namespace {

std::filesystem::path fresh_folder() {
  static std::atomic<int> counter{0};
  auto folder = std::filesystem::temp_directory_path() /
                ("samaki_reliability_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

// Single quotes for the shell, so a quote in a temp path cannot break the command.
std::string shell_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

restartable_server::restartable_server(std::vector<std::string> extra_args)
    : folder_(fresh_folder()), extra_args_(std::move(extra_args)) {}

restartable_server::~restartable_server() {
  process_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

std::uint16_t restartable_server::start(const std::vector<std::string>& more_args) {
  if (process_ && process_->running()) throw std::logic_error("a server is still running");
  process_.reset();
  client::server_process::options options;
  options.binary = SAMAKI_BINARY;
  options.db_path = db_path().string();
  options.extra_args = extra_args_;
  options.extra_args.insert(options.extra_args.end(), more_args.begin(), more_args.end());
  options.working_directory = folder_.string();
  // A start after a kill recovers the WAL; on a busy machine with a large file that can take a while.
  options.start_timeout = std::chrono::seconds(120);
  process_ = std::make_unique<client::server_process>(std::move(options));
  return process_->port();
}

std::int64_t restartable_server::rss_kib() const {
  std::ifstream status("/proc/" + std::to_string(process_->pid()) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6));
  return 0;
}

void restartable_server::kill() {
  process_->kill_now();
  process_.reset();
}

int restartable_server::stop() {
  const int status = process_->stop();
  process_.reset();
  return status;
}

int restartable_server::run_cli(const std::vector<std::string>& args, const std::string& input,
                                std::string* output) const {
  const auto log = folder_ / "cli.log";
  std::string command = "cd " + shell_quoted(folder_.string()) + " && " + shell_quoted(SAMAKI_BINARY);
  for (const auto& a : args) command += " " + shell_quoted(a);
  command += " > " + shell_quoted(log.string()) + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "w");
  if (pipe == nullptr) throw std::runtime_error("could not run " + command);
  if (!input.empty()) std::fwrite(input.data(), 1, input.size(), pipe);
  const int status = ::pclose(pipe);
  if (output != nullptr) {
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    *output = text.str();
  }
  return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void restartable_server::add_user(const std::string& username, const std::string& password,
                                  const std::string& role) const {
  std::string output;
  if (run_cli({"user", "add", "--db", db_path().string(), "--username", username, "--role", role},
              password + "\n", &output) != 0)
    throw std::runtime_error("samaki user add failed: " + output);
}

std::string restartable_server::sign_in_admin() const {
  const std::string password = "reliability-admin-password";
  add_user("admin", password, "admin");
  api_test::api_client anonymous(port());
  auto reply = anonymous.post("/api/v1/auth/login", {{"username", "admin"}, {"password", password}});
  if (reply.status != 200) throw std::runtime_error("admin sign-in failed: " + reply.raw.body);
  return std::string(reply.json.at("token").as_string());
}

void server_gate::open(std::uint16_t port) {
  std::lock_guard lock(mutex_);
  port_ = port;
  ++generation_;
  open_ = true;
  changed_.notify_all();
}

void server_gate::close() {
  std::lock_guard lock(mutex_);
  open_ = false;
}

void server_gate::finish() {
  std::lock_guard lock(mutex_);
  finished_ = true;
  changed_.notify_all();
}

std::optional<server_gate::server> server_gate::wait_for_server(int seen) {
  std::unique_lock lock(mutex_);
  ++parked_;
  changed_.notify_all();
  changed_.wait(lock, [&] { return finished_ || (open_ && generation_ > seen); });
  --parked_;
  if (finished_) return std::nullopt;
  return server{port_, generation_};
}

bool server_gate::wait_until_parked(int clients, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return parked_ >= clients; });
}

void server_gate::leave() {
  std::lock_guard lock(mutex_);
  ++parked_;
  changed_.notify_all();
}

}  // namespace samaki::reliability_test
