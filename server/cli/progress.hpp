#pragma once
// Progress of long work (loading the demo, verifying or backing up a big database) on standard error: at
// a terminal a bar redrawn in place, otherwise plain lines a log or a script can read. Standard output
// keeps only the command's answer.
#include "ledger/demo.hpp"

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace samaki::server {

class progress_bar {
 public:
  // `terminal`: draw a bar; otherwise plain lines. By default, whether standard error is a terminal.
  explicit progress_bar(std::string task);
  progress_bar(std::string task, std::ostream& out, bool terminal);
  ~progress_bar();
  progress_bar(const progress_bar&) = delete;
  progress_bar& operator=(const progress_bar&) = delete;

  // A named step done: the bar with the step's name, or a plain line for each (for each quarter when
  // there are more than ten).
  void step(std::string_view detail, std::int64_t done, std::int64_t total);
  // Fine-grained progress (pages copied): plain lines only at each quarter, the bar at most ten times a
  // second.
  void advance(std::int64_t done, std::int64_t total);

 private:
  void draw(std::string_view detail, std::int64_t done, std::int64_t total);

  std::string task_;
  std::ostream& out_;
  bool terminal_;
  bool drawn_ = false;
  int last_quarter_ = -1;
  std::chrono::steady_clock::time_point last_draw_{};
};

// load_demo, its steps shown on a progress_bar.
ledger::demo_result load_demo_showing_progress(ledger::store& store);

}  // namespace samaki::server
