#include "server/http/http_server.hpp"

#include "server/http/listener.hpp"
#include "server/service.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>

#include <csignal>
#include <thread>
#include <vector>

namespace samaki::server {

namespace asio = boost::asio;
using asio::ip::tcp;

struct http_server::runtime {
  explicit runtime(server::service& s)
      : service(s),
        registry(s.config.max_connections, s.config.max_connections_per_client, s.metrics.open_connections),
        io(s.config.threads),
        control(asio::make_strand(io)),
        acceptor(control),
        signals(control, SIGINT, SIGTERM) {}

  // Stop accepting and let the connections finish; runs on the control strand.
  void begin_shutdown() {
    boost::system::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    registry.drain();
  }

  server::service& service;
  // Declared before the io_context: connections still queued there unregister as it is destroyed.
  connection_registry registry;
  asio::io_context io;
  asio::strand<asio::io_context::executor_type> control;  // the acceptor and the signals
  tcp::acceptor acceptor;
  asio::signal_set signals;
};

http_server::http_server(service& service) : runtime_(std::make_unique<runtime>(service)) {}

http_server::~http_server() = default;

std::string http_server::listen() {
  const settings& cfg = runtime_->service.config;
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(cfg.bind_address, ec);
  if (ec) throw std::runtime_error("bind address \"" + cfg.bind_address + "\" is not an IP address");
  tcp::acceptor& acceptor = runtime_->acceptor;
  const tcp::endpoint wanted(address, cfg.port);
  acceptor.open(wanted.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(wanted);
  acceptor.listen(asio::socket_base::max_listen_connections);
  const auto bound = acceptor.local_endpoint();
  // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wstringop-overflow) on "literal" + string&&.
  std::string url = "http://";
  if (address.is_v6())
    url.append("[").append(address.to_string()).append("]");
  else
    url.append(address.to_string());
  return url.append(":").append(std::to_string(bound.port()));
}

void http_server::run() {
  runtime& rt = *runtime_;
  rt.signals.async_wait([&rt](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("signal {}: finishing the requests in flight, then stopping", signal);
    rt.begin_shutdown();
  });
  asio::co_spawn(rt.control, accept_connections(rt.service, rt.io, rt.acceptor, rt.registry),
                 [](std::exception_ptr e) {
                   if (!e) return;
                   try {
                     std::rethrow_exception(e);
                   } catch (const std::exception& x) {
                     spdlog::error("accepting stopped: {}", x.what());
                   }
                 });
  std::vector<std::thread> helpers;
  for (int i = 1; i < rt.service.config.threads; ++i) helpers.emplace_back([&rt] { rt.io.run(); });
  rt.io.run();
  for (auto& t : helpers) t.join();
  spdlog::info("stopped accepting; every connection is closed");
}

void http_server::stop() {
  runtime& rt = *runtime_;
  asio::dispatch(rt.control, [&rt] { rt.begin_shutdown(); });
}

}  // namespace samaki::server
