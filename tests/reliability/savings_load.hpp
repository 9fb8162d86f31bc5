#pragma once
// A treasurer's work as load for reliability tests: each client owns savings groups and records cycle
// after cycle in them (cycle start, meetings with shares, social fund, fines, a loan and its repayment, a
// single fine, a posting, transfers to the bank and back, share-out), every write with an Idempotency-Key.
// A request that gets no answer (the server died) is sent again, same key and same body, once the gate
// names the next server; what was acknowledged is logged for the checks.
#include "tests/api/http_client.hpp"
#include "tests/reliability/restartable_server.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace samaki::reliability_test {

struct acknowledgement {
  enum class kind { operation, entry, cycle };
  kind what;
  std::int64_t group;
  std::string key;
  std::int64_t id;                    // the operation's, the entry's or the cycle's
  std::vector<std::int64_t> entries;  // an operation's entries, in order
  bool replayed;                      // answered 200: the same key had been recorded before
};

class acknowledgement_log {
 public:
  void add(acknowledgement a);
  void fail(std::string why);
  std::vector<acknowledgement> acknowledged() const;
  std::vector<std::int64_t> groups() const;
  std::vector<std::string> failures() const;
  std::size_t size() const;
  void add_group(std::int64_t group);
  // How long an answered request took, stamped with when it ended (for the soak test's first and last
  // minutes).
  struct timing {
    std::chrono::steady_clock::time_point at;
    double milliseconds;
  };
  void add_timing(timing t);
  std::vector<timing> timings() const;

 private:
  mutable std::mutex mutex_;
  std::vector<acknowledgement> acknowledged_;
  std::vector<std::int64_t> groups_;
  std::vector<std::string> failures_;
  std::vector<timing> timings_;
};

class savings_client {
 public:
  // `cycles_per_group`: a new group after that many cycles (0: only when the dates run out), so a long run
  // keeps each group's history the size of a real one.
  savings_client(int index, std::string token, server_gate& gate, acknowledgement_log& log,
                 int cycles_per_group = 0);
  // Records cycles until `stop` is set (checked between cycles and between requests, never in the middle
  // of a retry), the gate finishes, or a request gets an answer other than 200 or 201 (logged as a failure).
  void run(const std::atomic<bool>& stop);
  // Requests sent again after the server died under them.
  int retries() const { return retries_; }

 private:
  std::optional<api_test::json_reply> acknowledged(std::string_view target, const boost::json::value& body,
                                                   const std::string& key);
  bool new_group();
  void record_until(const std::atomic<bool>& stop);
  bool record_cycle(const std::atomic<bool>& stop);
  bool record(acknowledgement::kind what, std::string_view path, const boost::json::value& body,
              const std::string& key, std::optional<api_test::json_reply>* reply = nullptr);

  int index_;
  std::string token_;
  server_gate& gate_;
  acknowledgement_log& log_;
  std::optional<api_test::api_client> connection_;
  int generation_ = 0;
  int retries_ = 0;
  int groups_made_ = 0;
  int cycles_ = 0;
  int cycles_per_group_ = 0;
  int cycles_in_group_ = 0;
  std::int64_t group_ = 0;
  std::vector<std::int64_t> members_;
  std::int32_t day_ = 0;  // days since 1970-01-01 of the next cycle's start
};

// The load's threads: on stop_and_join, or when it goes (a failed REQUIRE leaving the test early too), the
// stop flag is set, the gate finished and every thread joined, so a failure is reported, not std::terminate.
class load_threads {
 public:
  load_threads(std::atomic<bool>& stop, server_gate& gate) : stop_(stop), gate_(gate) {}
  ~load_threads() { stop_and_join(); }
  load_threads(const load_threads&) = delete;
  load_threads& operator=(const load_threads&) = delete;

  void add(std::function<void()> body) { threads_.emplace_back(std::move(body)); }
  void stop_and_join();

 private:
  std::atomic<bool>& stop_;
  server_gate& gate_;
  std::vector<std::thread> threads_;
};

}  // namespace samaki::reliability_test
