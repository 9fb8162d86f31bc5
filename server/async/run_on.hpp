#pragma once
// Running a callable on another executor (a pool of threads) from a coroutine: the coroutine suspends,
// `work()` runs there, and the coroutine resumes on its own executor — the connection's strand — with the
// result, or with the exception the work threw.
#include "server/async/await_callback.hpp"

#include <boost/asio/post.hpp>

#include <exception>
#include <optional>
#include <type_traits>

namespace samaki::server {

namespace detail {
// What the work produced: its value, or the exception it threw.
template <class T>
struct work_outcome {
  std::optional<T> value;
  std::exception_ptr error;
};
template <>
struct work_outcome<void> {
  std::exception_ptr error;
};
}  // namespace detail

// `work` is kept in the coroutine frame until the caller resumes, so it may capture by reference.
template <class Executor, class F>
auto run_on(Executor executor, F work) -> boost::asio::awaitable<std::invoke_result_t<F&>> {
  using T = std::invoke_result_t<F&>;
  auto outcome = co_await await_callback<detail::work_outcome<T>>(
      [&](std::function<void(detail::work_outcome<T>)> done) {
        boost::asio::post(executor, [&work, done = std::move(done)] {
          detail::work_outcome<T> out;
          try {
            if constexpr (std::is_void_v<T>) {
              work();
            } else {
              out.value.emplace(work());
            }
          } catch (...) {
            out.error = std::current_exception();
          }
          done(std::move(out));
        });
      });
  if (outcome.error) std::rethrow_exception(outcome.error);
  if constexpr (!std::is_void_v<T>) co_return std::move(*outcome.value);
}

}  // namespace samaki::server
