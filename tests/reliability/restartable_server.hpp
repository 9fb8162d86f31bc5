#pragma once
// For reliability tests: one database in a temporary folder, served by `samaki serve --port 0` processes
// that a test kills and starts again on the same file, and a gate that client threads wait at while the
// server is down, so that nothing reaches the database between a kill and the checks after the restart.
#include "server/client/server_process.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace samaki::reliability_test {

class restartable_server {
 public:
  explicit restartable_server(std::vector<std::string> extra_args = {});
  ~restartable_server();
  restartable_server(const restartable_server&) = delete;
  restartable_server& operator=(const restartable_server&) = delete;

  // Starts a server on the database (recovering what a kill left behind); the previous one must be gone.
  // `more_args` are added to the constructor's for this start only.
  std::uint16_t start(const std::vector<std::string>& more_args = {});
  // SIGKILL, like a power cut.
  void kill();
  // SIGTERM and wait: its exit status.
  int stop();

  bool running() const { return process_ != nullptr; }
  // The running server's resident memory (VmRSS), in KiB.
  std::int64_t rss_kib() const;
  std::uint16_t port() const { return process_->port(); }
  client::server_process& process() { return *process_; }
  const std::filesystem::path& folder() const { return folder_; }
  std::filesystem::path db_path() const { return folder_ / "samaki.db"; }

  // `samaki ARGS...` on this folder's database, password (if any) on standard input: its exit status;
  // its output goes to `output`.
  int run_cli(const std::vector<std::string>& args, const std::string& input = {},
              std::string* output = nullptr) const;
  // An admin ("admin") added to the database and signed in on the running server: the session's token.
  std::string sign_in_admin() const;
  // `samaki user add` for a user with this role and password.
  void add_user(const std::string& username, const std::string& password, const std::string& role) const;

 private:
  std::filesystem::path folder_;
  std::vector<std::string> extra_args_;
  std::unique_ptr<client::server_process> process_;
};

// Where client threads learn the current server's port, and wait while there is none.
class server_gate {
 public:
  // Clients see `port` from now on (generation + 1) and wake up.
  void open(std::uint16_t port);
  // No server: clients that fail from now on park until the next open.
  void close();
  // Wakes every parked client for good: wait_for_server answers nothing.
  void finish();

  struct server {
    std::uint16_t port;
    int generation;
  };
  // Parks until a server newer than `seen` generation is open; nothing once finished.
  std::optional<server> wait_for_server(int seen);
  // Waits until `clients` threads are parked (or gone); false on timeout.
  bool wait_until_parked(int clients, std::chrono::milliseconds timeout);
  // A client thread that will make no more requests counts as parked for good.
  void leave();

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::uint16_t port_ = 0;
  int generation_ = 0;
  bool open_ = false;
  bool finished_ = false;
  int parked_ = 0;
};

}  // namespace samaki::reliability_test
