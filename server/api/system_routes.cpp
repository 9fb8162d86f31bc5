#include "server/api/system_routes.hpp"

#include "server/http/request_context.hpp"
#include "server/http/responses.hpp"
#include "server/service.hpp"

namespace samaki::server {
namespace {

awaitable<http_response> healthz(request_context&) {
  co_return json_response(http::status::ok, {{"status", "ok"}});
}

awaitable<http_response> metrics(request_context& ctx) {
  co_return text_response(http::status::ok, ctx.service.metrics.registry.render(),
                          "text/plain; version=0.0.4");
}

}  // namespace

void add_system_routes(service& service) {
  service.routes.add(http::verb::get, "/healthz", access::anyone(), healthz);
  service.routes.add(http::verb::get, "/metrics", access::anyone(), metrics);
}

}  // namespace samaki::server
