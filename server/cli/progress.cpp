#include "server/cli/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>

namespace samaki::server {
namespace {

// Up to this many steps, plain output names each one; beyond, it says how far along it is each quarter.
constexpr std::int64_t plain_steps_shown = 10;

}  // namespace

progress_bar::progress_bar(std::string task)
    : progress_bar(std::move(task), std::cerr, isatty(STDERR_FILENO) != 0) {}

progress_bar::progress_bar(std::string task, std::ostream& out, bool terminal)
    : task_(std::move(task)), out_(out), terminal_(terminal) {}

progress_bar::~progress_bar() {
  if (terminal_ && drawn_) out_ << "\n" << std::flush;
}

void progress_bar::step(std::string_view detail, std::int64_t done, std::int64_t total) {
  if (terminal_) {
    draw(detail, done, total);
  } else if (total > plain_steps_shown) {
    advance(done, total);  // a line per quarter, not one per group of a province
  } else {
    out_ << task_ << ": " << done << "/" << total << " " << detail << "\n" << std::flush;
  }
}

void progress_bar::advance(std::int64_t done, std::int64_t total) {
  const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
  if (!terminal_) {
    if (percent / 25 == last_quarter_) return;
    last_quarter_ = percent / 25;
    out_ << task_ << ": " << percent << "%\n" << std::flush;
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (done < total && drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw({}, done, total);
}

void progress_bar::draw(std::string_view detail, std::int64_t done, std::int64_t total) {
  constexpr int width = 24;
  const std::int64_t filled = total > 0 ? std::clamp<std::int64_t>(done * width / total, 0, width) : width;
  const std::int64_t percent = total > 0 ? done * 100 / total : 100;
  // \r back to the start of the line, \x1b[K clears what a longer line left behind.
  out_ << "\r" << task_ << " [" << std::string(static_cast<std::size_t>(filled), '#')
       << std::string(static_cast<std::size_t>(width - filled), '.') << "] " << percent << "%";
  // The line must fit an 80-column terminal, or the carriage return would not get back to its start.
  if (!detail.empty()) out_ << " " << detail.substr(0, std::min<std::size_t>(detail.size(), 40));
  out_ << "\x1b[K" << std::flush;
  drawn_ = true;
}

ledger::demo_result load_demo_showing_progress(ledger::store& store) {
  progress_bar bar("demo");
  return ledger::load_demo(
      store, [&bar](std::string_view step, int done, int total) { bar.step(step, done, total); });
}

}  // namespace samaki::server
