#include "server/http/connection.hpp"

#include "server/http/header_block.hpp"
#include "server/http/request_pipeline.hpp"
#include "server/http/unreadable_request.hpp"
#include "server/service.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <chrono>

namespace samaki::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::ip::tcp;

constexpr std::size_t first_read_size = 4096;
constexpr std::chrono::seconds linger_time{1};
constexpr std::size_t linger_bytes = 4 * 1024 * 1024;

auto with(beast::error_code& ec) {
  return asio::redirect_error(asio::use_awaitable, ec);
}

// Removes the connection from the registry however its coroutine ends.
struct registration {
  connection_registry& registry;
  const idle_closable* connection;
  ~registration() { registry.remove(connection); }
};

}  // namespace

connection::connection(service& service, connection_registry& registry, tcp::socket socket,
                       std::string peer_address)
    : service_(service),
      registry_(registry),
      stream_(std::move(socket)),
      peer_address_(std::move(peer_address)) {}

void connection::close_if_idle() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->idle_) self->stream_.cancel();
  });
}

awaitable<void> connection::serve() {
  const registration registered{registry_, this};
  const settings& cfg = service_.config;
  while (co_await wait_for_request()) {
    stream_.expires_after(cfg.read_timeout);
    const header_block_state header = co_await receive_header_block();
    if (header == header_block_state::too_large) {
      if (co_await refuse(http_request{}, http::status::request_header_fields_too_large, "bad_request",
                          header_too_large_message(service_.config)))
        co_await close_after_refusal();
      break;
    }
    if (header != header_block_state::complete) break;  // timed out, or the client went away

    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(cfg.header_limit));
    parser.body_limit(cfg.body_limit);
    beast::error_code ec;
    // The header is all in the buffer now: this only parses it.
    co_await http::async_read_header(stream_, buffer_, parser, with(ec));
    // Tell a client that waits for permission (curl does, for larger bodies) to send the body.
    if (!ec && !parser.is_done() && beast::iequals(parser.get()[http::field::expect], "100-continue")) {
      http::response<http::empty_body> go_on{http::status::continue_, 11};
      co_await http::async_write(stream_, go_on, with(ec));
    }
    if (!ec && !parser.is_done()) co_await http::async_read(stream_, buffer_, parser, with(ec));
    if (ec) {
      if (co_await refuse_unreadable(ec, parser.get())) co_await close_after_refusal();
      break;
    }

    http_request request = parser.release();
    had_request_ = true;
    http_response response = co_await handle_request(service_, request, peer_address_);
    const bool keep_alive = request.keep_alive() && !registry_.draining();
    response.keep_alive(keep_alive);
    if (!co_await send(response) || !keep_alive) break;
  }
  close();
}

awaitable<bool> connection::wait_for_request() {
  // Bytes of a pipelined request may already be buffered.
  if (buffer_.size() > 0) co_return true;
  if (registry_.draining()) co_return false;
  idle_ = true;
  // A new connection that sends nothing is dropped sooner than a kept-alive one between requests.
  stream_.expires_after(had_request_ ? service_.config.idle_timeout : service_.config.first_byte_timeout);
  beast::error_code ec;
  const std::size_t n = co_await stream_.async_read_some(buffer_.prepare(first_read_size), with(ec));
  idle_ = false;
  if (ec) co_return false;
  buffer_.commit(n);
  co_return true;
}

awaitable<header_block_state> connection::receive_header_block() {
  for (;;) {
    const std::string_view received(static_cast<const char*>(buffer_.data().data()), buffer_.size());
    const auto state = scan_header_block(received, service_.config.header_limit);
    if (state != header_block_state::incomplete) co_return state;
    beast::error_code ec;
    const std::size_t n = co_await stream_.async_read_some(buffer_.prepare(first_read_size), with(ec));
    if (ec) co_return header_block_state::incomplete;
    buffer_.commit(n);
  }
}

awaitable<bool> connection::send(http_response& response) {
  stream_.expires_after(service_.config.read_timeout);
  beast::error_code ec;
  co_await http::async_write(stream_, response, with(ec));
  co_return !ec;
}

awaitable<bool> connection::refuse_unreadable(beast::error_code ec, const http_request& partial) {
  auto refused = refusal_for(ec, service_.config);
  if (!refused) co_return false;
  co_return co_await refuse(partial, refused->status, refused->code, std::move(refused->message));
}

awaitable<bool> connection::refuse(const http_request& partial, http::status status, std::string_view code,
                                   std::string message) {
  http_response response =
      answer_unreadable(service_, partial, peer_address_, status, code, std::move(message));
  co_return co_await send(response);
}

awaitable<void> connection::close_after_refusal() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream_.expires_after(linger_time);
  std::size_t discarded = 0;
  while (!ec && discarded < linger_bytes) {
    buffer_.clear();
    discarded += co_await stream_.async_read_some(buffer_.prepare(64 * 1024), with(ec));
  }
}

void connection::close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.socket().close(ec);
}

}  // namespace samaki::server
