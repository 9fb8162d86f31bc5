#pragma once
// A `samaki serve --port 0` child process for API tests and benchmarks: started in the
// constructor (which returns once the server has logged the URL it listens on), stopped with
// SIGTERM in the destructor. Its standard output and error are collected all along.
#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace samaki::client {

class server_process {
 public:
  struct options {
    std::string binary;                   // the samaki executable
    std::string db_path;                  // --db, when not empty
    std::vector<std::string> extra_args;  // more flags for `serve`, e.g. {"--max-connections", "2"}
    std::vector<std::pair<std::string, std::string>> environment;  // added to the child's environment
    std::string working_directory;  // where the child runs (config/, web/ resolve there), if set
    std::chrono::seconds start_timeout{30};
  };

  // Throws std::runtime_error, with the child's output, if it exits or stays silent too long.
  explicit server_process(options opts);
  ~server_process();
  server_process(const server_process&) = delete;
  server_process& operator=(const server_process&) = delete;

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }

  // SIGTERM, then waits (SIGKILL after `patience`). Returns the exit status, or 128 + signal.
  int stop(std::chrono::seconds patience = std::chrono::seconds(20));
  // SIGKILL at once, like a power cut; returns once the child is gone.
  void kill_now();
  // Waits for the child to exit by itself, up to `patience`; nothing if it is still running.
  std::optional<int> wait_for_exit(std::chrono::milliseconds patience);
  bool running() const { return !exit_status_.has_value(); }

  // Everything the child wrote to standard output and error so far.
  std::string output() const;

 private:
  void read_output(int fd);
  std::optional<int> reap(bool block);

  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::optional<int> exit_status_;
  mutable std::mutex mutex_;
  std::condition_variable output_changed_;
  std::string output_;
  bool output_closed_ = false;
  std::thread reader_;
};

}  // namespace samaki::client
