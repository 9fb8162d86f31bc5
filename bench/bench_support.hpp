#pragma once
// What the ledger-level benchmarks share: operation requests as the generators write them, a result that
// must hold a value, timing one piece of work, and the median of the samples.
#include "ledger/operations/operation.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace samaki::bench {

inline ledger::field_value text(std::string s) {
  return ledger::field_value{std::move(s)};
}

inline ledger::operation_request operation(ledger::group_id group, std::string type,
                                           ledger::calendar_date day, ledger::field_map fields,
                                           std::string idempotency_key = "") {
  ledger::operation_request r;
  r.group = group;
  r.type = std::move(type);
  r.date = day;
  r.fields = std::move(fields);
  r.recorded = "{}";
  r.idempotency_key = std::move(idempotency_key);
  r.author = "bench";
  return r;
}

// The value, or std::runtime_error naming `what` and the refusal.
template <class T>
T must(ledger::result<T> r, const std::string& what) {
  if (!r) throw std::runtime_error(what + ": " + r.error().message);
  return std::move(*r);
}

inline double milliseconds_of(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// A benchmark's command line, a flag at a time: `for (command_line args(argc, argv); args.next();)`, then
// args.flag() and args.value() (std::invalid_argument when the value is missing) or args.count().
class command_line {
 public:
  command_line(int argc, char** argv) : argc_(argc), argv_(argv) {}
  bool next() {
    if (++at_ >= argc_) return false;
    flag_ = argv_[at_];
    return true;
  }
  const std::string& flag() const { return flag_; }
  std::string value() {
    if (at_ + 1 >= argc_) throw std::invalid_argument(flag_ + " needs a value");
    return argv_[++at_];
  }
  int count() { return std::stoi(value()); }

 private:
  int argc_;
  char** argv_;
  int at_ = 0;
  std::string flag_;
};

inline double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace samaki::bench
