#include "server/async/read_pool.hpp"

#include <latch>
#include <mutex>
#include <stdexcept>

namespace samaki::server {
namespace {
thread_local reader* current_context = nullptr;
}

read_pool::read_pool(std::size_t threads, reader_factory make_context)
    : keep_running_(boost::asio::make_work_guard(io_)) {
  if (!make_context) {
    make_context = [](std::size_t index) { return std::make_unique<reader>(reader{index, nullptr}); };
  }
  std::latch started(static_cast<std::ptrdiff_t>(threads));
  std::mutex failure_mutex;
  std::exception_ptr failure;
  for (std::size_t i = 0; i < threads; ++i) {
    threads_.emplace_back([&, i] {
      std::unique_ptr<reader> context;
      try {
        context = make_context(i);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
      started.count_down();
      // A thread whose context failed takes no work; the constructor throws below.
      if (!context) return;
      current_context = context.get();
      io_.run();
      current_context = nullptr;
    });
  }
  started.wait();
  if (failure) {
    stop();
    std::rethrow_exception(failure);
  }
}

read_pool::~read_pool() {
  stop();
}

void read_pool::stop() {
  keep_running_.reset();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
}

reader& read_pool::current() {
  if (current_context == nullptr) throw std::logic_error("read_pool::current() called off a database thread");
  return *current_context;
}

}  // namespace samaki::server
