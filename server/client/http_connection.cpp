#include "server/client/http_connection.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <optional>

namespace samaki::client {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {
constexpr std::uint64_t reply_body_limit = 256 * 1024 * 1024;
}

std::string http_reply::header(std::string_view name) const {
  for (const auto& h : headers) {
    if (beast::iequals(h.name, name)) return h.value;
  }
  return {};
}

bool http_reply::has_header(std::string_view name) const {
  for (const auto& h : headers) {
    if (beast::iequals(h.name, name)) return true;
  }
  return false;
}

struct http_connection::impl {
  impl(std::uint16_t p, std::chrono::milliseconds t) : port(p), timeout(t) {}

  // Runs one asynchronous operation to completion under the timeout.
  template <class Start>
  beast::error_code run(Start start) {
    std::optional<beast::error_code> result;
    if (stream) stream->expires_after(timeout);
    start([&](beast::error_code ec, auto&&...) { result = ec; });
    io.restart();
    io.run();
    return result.value_or(asio::error::operation_aborted);
  }

  void connect() {
    if (open) return;
    stream.emplace(io);
    buffer.clear();
    const tcp::endpoint endpoint(asio::ip::address_v4::loopback(), port);
    if (auto ec = run([&](auto done) { stream->async_connect(endpoint, done); })) {
      throw http_error("cannot connect to 127.0.0.1:" + std::to_string(port) + ": " + ec.message());
    }
    open = true;
  }

  void close() {
    beast::error_code ignored;
    if (stream) {
      stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
      stream->socket().close(ignored);
    }
    open = false;
  }

  // Reads one response; `nullopt` when the server closed before sending a byte of it.
  std::optional<http_reply> read_reply(bool head_request) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(reply_body_limit);
    parser.skip(head_request);
    const auto ec = run([&](auto done) { http::async_read(*stream, buffer, parser, done); });
    if (ec == http::error::end_of_stream || (ec && !parser.got_some())) {
      close();
      return std::nullopt;
    }
    if (ec) {
      close();
      throw http_error("reading the response: " + ec.message());
    }
    auto message = parser.release();
    http_reply reply;
    reply.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
      reply.headers.push_back({std::string(field.name_string()), std::string(field.value())});
    }
    reply.body = std::move(message.body());
    if (!message.keep_alive()) close();
    return reply;
  }

  asio::io_context io;
  std::optional<beast::tcp_stream> stream;  // remade for each connection
  beast::flat_buffer buffer;
  std::uint16_t port;
  std::chrono::milliseconds timeout;
  bool open = false;
};

http_connection::http_connection(std::uint16_t port, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<impl>(port, timeout)) {}
http_connection::~http_connection() = default;
http_connection::http_connection(http_connection&&) noexcept = default;
http_connection& http_connection::operator=(http_connection&&) noexcept = default;

void http_connection::connect() {
  impl_->connect();
}
bool http_connection::is_open() const {
  return impl_->open;
}
void http_connection::close() {
  impl_->close();
}

http_reply http_connection::request(std::string_view method, std::string_view target, std::string_view body,
                                    const std::vector<http_header>& headers) {
  http::request<http::string_body> req;
  req.method_string(method);
  req.target(target);
  req.version(11);
  req.set(http::field::host, "127.0.0.1:" + std::to_string(impl_->port));
  for (const auto& h : headers) req.insert(h.name, h.value);
  req.body() = std::string(body);
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") req.prepare_payload();

  // A reused connection may have been closed by the server while idle: then try once more.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const bool reused = impl_->open;
    impl_->connect();
    const auto write_error = impl_->run([&](auto done) { http::async_write(*impl_->stream, req, done); });
    if (write_error && reused && attempt == 0) {
      impl_->close();
      continue;
    }
    auto reply = impl_->read_reply(method == "HEAD");
    if (reply) return std::move(*reply);
    if (!reused || attempt > 0) throw http_error("the server closed the connection without answering");
  }
  throw http_error("the server closed the connection without answering");
}

http_reply http_connection::send_raw(std::string_view bytes) {
  impl_->connect();
  // Even if sending fails (the server may answer and close early), the answer may be readable.
  impl_->run(
      [&](auto done) { asio::async_write(*impl_->stream, asio::buffer(bytes.data(), bytes.size()), done); });
  auto reply = impl_->read_reply(false);
  if (!reply) throw http_error("the server closed the connection without answering");
  return std::move(*reply);
}

}  // namespace samaki::client
