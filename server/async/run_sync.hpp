#pragma once
// Runs a coroutine to completion on a private io_context and returns its result: how tests call
// handlers (and anything else that co_awaits) without sockets.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>
#include <optional>
#include <type_traits>

namespace samaki::server {

template <class T>
T run_sync(boost::asio::awaitable<T> work) {
  boost::asio::io_context io;
  std::exception_ptr error;
  std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> result;
  boost::asio::co_spawn(
      io,
      [&]() -> boost::asio::awaitable<void> {
        if constexpr (std::is_void_v<T>) {
          co_await std::move(work);
          result.emplace(true);
        } else {
          result.emplace(co_await std::move(work));
        }
      },
      [&](std::exception_ptr e) { error = e; });
  io.run();
  if (error) std::rethrow_exception(error);
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

}  // namespace samaki::server
