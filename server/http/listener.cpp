#include "server/http/listener.hpp"

#include "server/http/client_address.hpp"
#include "server/http/connection.hpp"
#include "server/service.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>

namespace samaki::server {

namespace asio = boost::asio;

awaitable<void> accept_connections(service& service, asio::io_context& io, asio::ip::tcp::acceptor& acceptor,
                                   connection_registry& registry) {
  while (acceptor.is_open()) {
    auto [ec, socket] =
        co_await acceptor.async_accept(asio::make_strand(io), asio::as_tuple(asio::use_awaitable));
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) break;
    if (ec) {
      // Usually out of file descriptors: pause instead of spinning, and let connections close.
      spdlog::warn("accept failed: {}", ec.message());
      asio::steady_timer pause(io, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    boost::system::error_code peer_error;
    const auto peer = socket.remote_endpoint(peer_error);
    const std::string peer_address =
        peer_error ? "-" : canonical_address(peer.address().to_string()).value_or("-");
    // A trusted proxy carries many clients' connections: those are not counted per client.
    const std::string_view client =
        service.clients.trusts(peer_address) ? "" : std::string_view(peer_address);
    auto c = std::make_shared<connection>(service, registry, std::move(socket), peer_address);
    if (!registry.try_add(c, client)) {
      service.metrics.refused_connections.add();
      continue;  // the socket closes with `c`
    }
    asio::co_spawn(
        c->executor(), [c] { return c->serve(); },
        [](std::exception_ptr e) {
          if (!e) return;
          try {
            std::rethrow_exception(e);
          } catch (const std::exception& x) {
            spdlog::error("connection failed: {}", x.what());
          }
        });
  }
}

}  // namespace samaki::server
