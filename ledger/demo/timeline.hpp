#pragma once
// A story's events put in date order before they are recorded, so that nothing is back-dated however the
// story was written down (loan repayments, for instance, are planned when the loan is made). Events of
// one day keep the order they were added in.
#include "ledger/date.hpp"

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

namespace samaki::ledger::demo {

class timeline {
 public:
  void on(calendar_date day, std::function<void()> event) { events_.emplace_back(day, std::move(event)); }

  // Runs every event in date order; events may add later ones while it runs.
  void run() {
    while (!events_.empty()) {
      auto next = std::min_element(events_.begin(), events_.end(),
                                   [](const auto& a, const auto& b) { return a.first < b.first; });
      auto event = std::move(next->second);
      events_.erase(next);
      event();
    }
  }

 private:
  std::vector<std::pair<calendar_date, std::function<void()>>> events_;
};

}  // namespace samaki::ledger::demo
