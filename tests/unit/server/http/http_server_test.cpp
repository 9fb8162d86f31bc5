// The running server in-process: a request in flight when shutdown starts is still answered.
#include "server/http/http_server.hpp"
#include "server/http/request_context.hpp"
#include "server/http/responses.hpp"
#include "server/service.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/write.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using namespace samaki::server;
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

awaitable<http_response> slow(request_context&) {
  asio::steady_timer timer(co_await asio::this_coro::executor, 300ms);
  co_await timer.async_wait(asio::use_awaitable);
  co_return json_response(http::status::ok, {{"slow", true}});
}

// Everything the server sends on one connection until it closes it.
std::string exchange(std::uint16_t port, std::string_view request, std::function<void()> after_sending) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::address_v4::loopback(), port});
  asio::write(socket, asio::buffer(request.data(), request.size()));
  after_sending();
  std::string reply;
  boost::system::error_code ec;
  asio::read(socket, asio::dynamic_buffer(reply), ec);
  return reply;
}

}  // namespace

TEST_CASE("stopping lets the request in flight finish and be answered, then run returns", "[server][http]") {
  settings config;
  config.port = 0;
  config.db_threads = 1;
  service service(config);
  service.routes.add(http::verb::get, "/slow", access::anyone(), slow);
  bool hook_ran = false;
  service.shutdown_hooks.push_back([&] { hook_ran = true; });

  http_server server(service);
  const std::string url = server.listen();
  const auto port = static_cast<std::uint16_t>(std::stoi(url.substr(url.rfind(':') + 1)));
  std::thread serving([&] { server.run(); });

  const std::string reply = exchange(port, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n", [&] {
    std::this_thread::sleep_for(100ms);
    server.stop();
  });
  serving.join();
  service.run_shutdown_hooks();

  CHECK(reply.starts_with("HTTP/1.1 200 OK"));
  CHECK_THAT(reply, Catch::Contains("Connection: close"));
  CHECK_THAT(reply, Catch::Contains("{\"slow\":true}"));
  CHECK(hook_ran);

  // Nobody listens any more.
  asio::io_context io;
  asio::ip::tcp::socket late(io);
  boost::system::error_code ec;
  late.connect({asio::ip::address_v4::loopback(), port}, ec);
  CHECK(ec);
}
