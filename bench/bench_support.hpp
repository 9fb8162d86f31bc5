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

inline double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace samaki::bench
