#pragma once
// Awaiting the ledger's single writer: the work runs in the writer's next batch, and the handler
// resumes on its connection's strand once that batch has committed (or the work failed).
//   std::function<ledger::result<ledger::entry>(ledger::write_context&)> work = [cmd](auto& w) { ... };
//   auto entry = co_await on_writer<ledger::entry>(store, std::move(work));
// Name the work first: GCC 12 destroys a by-value-capturing lambda written inside a co_await
// expression twice (a double free once its captures own heap memory).
#include "ledger/store/store.hpp"
#include "server/async/await_callback.hpp"

#include <functional>

namespace samaki::server {

template <class T>
boost::asio::awaitable<ledger::result<T>> on_writer(
    ledger::store& store, std::function<ledger::result<T>(ledger::write_context&)> work) {
  co_return co_await await_callback<ledger::result<T>>([&](std::function<void(ledger::result<T>)> done) {
    store.submit<T>(std::move(work), std::move(done));
  });
}

}  // namespace samaki::server
