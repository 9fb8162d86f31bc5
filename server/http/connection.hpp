#pragma once
// One client connection: reads requests one after another (keep-alive), answers each through
// handle_request, enforces the size limits and timeouts, and closes when told to drain.
#include "server/http/connection_registry.hpp"
#include "server/http/header_block.hpp"
#include "server/http/http_types.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace samaki::server {

struct service;

class connection final : public idle_closable, public std::enable_shared_from_this<connection> {
 public:
  // `socket`'s executor must be a strand of its own: everything of this connection runs there.
  connection(service& service, connection_registry& registry, boost::asio::ip::tcp::socket socket,
             std::string peer_address);

  // The request loop. Spawn it with the shared_ptr kept alive: co_spawn(ex, [c] { return c->serve(); }, ...).
  awaitable<void> serve();
  void close_if_idle() override;
  // The connection's strand.
  boost::asio::any_io_executor executor() { return stream_.get_executor(); }

 private:
  awaitable<bool> wait_for_request();
  // Reads until the buffer holds the request's whole header block, or shows it is over the limit;
  // `incomplete` when the read failed (timeout, the client went away).
  awaitable<header_block_state> receive_header_block();
  awaitable<bool> send(http_response& response);
  // Answers a request that could not be read (413, 431, 400); false when nothing is worth answering.
  awaitable<bool> refuse_unreadable(boost::beast::error_code ec, const http_request& partial);
  awaitable<bool> refuse(const http_request& partial, http::status status, std::string_view code,
                         std::string message);
  // Stops sending, then briefly reads and discards what the client still sends, so the answer we
  // wrote is not lost to a TCP reset when the client is mid-body.
  awaitable<void> close_after_refusal();
  void close();

  service& service_;
  connection_registry& registry_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::string peer_address_;
  bool idle_ = false;         // waiting for the next request; touched only on the strand
  bool had_request_ = false;  // a request has been read: from now on the idle timeout applies
};

}  // namespace samaki::server
