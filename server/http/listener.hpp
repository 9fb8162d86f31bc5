#pragma once
// The accept loop: each accepted socket gets its own strand and connection, unless a connection limit
// (all connections, or those of its peer address) is reached or the service is draining, in which case
// it is closed at once.
#include "server/http/connection_registry.hpp"
#include "server/http/http_types.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace samaki::server {

struct service;

// Returns when the acceptor is closed.
awaitable<void> accept_connections(service& service, boost::asio::io_context& io,
                                   boost::asio::ip::tcp::acceptor& acceptor, connection_registry& registry);

}  // namespace samaki::server
