#pragma once
// Awaiting a callback-style operation (the ledger writer answers through callbacks): the coroutine
// suspends, `start(complete)` begins the operation, and calling `complete(value)` once, from any
// thread, resumes the coroutine on its own executor — the connection's strand.
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace samaki::server {

// `complete` must be called exactly once; if it is destroyed uncalled, the coroutine is destroyed
// without resuming. Until it is called the coroutine's executor is kept from running out of work.
template <class T, class Start>
boost::asio::awaitable<T> await_callback(Start start) {
  std::optional<T> result;
  co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void()>(
      [&start, &result](auto handler) {
        using handler_type = decltype(handler);
        struct pending {
          handler_type handler;
          boost::asio::executor_work_guard<boost::asio::associated_executor_t<handler_type>> work;
        };
        auto executor = boost::asio::get_associated_executor(handler);
        auto waiting =
            std::make_shared<pending>(pending{std::move(handler), boost::asio::make_work_guard(executor)});
        std::function<void(T)> complete = [&result, waiting](T value) {
          result.emplace(std::move(value));
          boost::asio::post(waiting->work.get_executor(), [waiting] { std::move(waiting->handler)(); });
        };
        start(std::move(complete));
      },
      boost::asio::use_awaitable);
  co_return std::move(*result);
}

}  // namespace samaki::server
