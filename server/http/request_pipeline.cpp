#include "server/http/request_pipeline.hpp"

#include "server/async/run_sync.hpp"
#include "server/http/access_log.hpp"
#include "server/http/request_context.hpp"
#include "server/http/request_id.hpp"
#include "server/http/responses.hpp"
#include "server/http/security_headers.hpp"
#include "server/service.hpp"

#include <spdlog/spdlog.h>
#include <boost/url/parse.hpp>

#include <chrono>
#include <optional>

namespace samaki::server {
namespace {

using clock = std::chrono::steady_clock;

std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find('?'));
}

// What the access log and the metrics need to know about a request that has been answered.
struct answered {
  std::string_view route_label;
  std::string_view user;
  std::string_view request_id;
  std::string_view client_address;
  std::string_view peer_address;
  clock::time_point started;
};

// The last step for every response, whatever produced it.
void finish(service& service, const http_request& request, http_response& response, const answered& a) {
  const std::string_view path = path_of(to_std(request.target()));
  response.version(request.version() == 10 ? 10 : 11);
  response.set("X-Request-Id", a.request_id);
  add_security_headers(response, is_api_path(path));
  response.prepare_payload();
  if (response.result() == http::status::not_modified || response.result() == http::status::no_content) {
    response.erase(http::field::content_length);
  }
  // HEAD: the headers GET would send (Content-Length included), without the body.
  if (request.method() == http::verb::head) response.body().clear();

  const auto elapsed = clock::now() - a.started;
  const std::string status = std::to_string(response.result_int());
  service.metrics.requests.with({a.route_label, status}).add();
  service.metrics.request_seconds.with({a.route_label})
      .observe(std::chrono::duration<double>(elapsed).count());
  log_access({.method = to_std(request.method_string()),
              .path = path,
              .status = response.result_int(),
              .elapsed = elapsed,
              .user = a.user,
              .request_id = a.request_id,
              .client_address = a.client_address,
              .peer_address = a.peer_address});
}

awaitable<api_result<principal>> authenticate(request_context& ctx) {
  if (!ctx.service.auth) co_return api_error::unauthenticated("sign in first");
  co_return co_await ctx.service.auth->authenticate(ctx);
}

awaitable<http_response> dispatch(request_context& ctx) {
  const std::vector<std::string> segments(ctx.target.segments().begin(), ctx.target.segments().end());
  route_match match = ctx.service.routes.find(ctx.request.method(), ctx.target.encoded_path(), segments);
  if (match.outcome == match_outcome::not_found) {
    co_return error_response(http::status::not_found, "not_found", "no such endpoint");
  }
  if (match.outcome == match_outcome::method_not_allowed) {
    auto response = error_response(http::status::method_not_allowed, "method_not_allowed",
                                   "this endpoint allows " + match.allow);
    response.set(http::field::allow, match.allow);
    co_return response;
  }
  ctx.route_label = match.label;
  ctx.params = std::move(match.params);
  if (match.access->sign_in_required) {
    auto caller = co_await authenticate(ctx);
    if (!caller) co_return error_response(caller.error());
    ctx.caller = std::move(*caller);
  }
  const auto group = ctx.params.find_id(group_param);
  const auto member = ctx.params.find_id(member_param);
  auto allowed = authorize(*match.access, ctx.caller ? &*ctx.caller : nullptr,
                           group ? std::optional(ledger::group_id(*group)) : std::nullopt,
                           member ? std::optional(ledger::member_id(*member)) : std::nullopt);
  if (!allowed) co_return error_response(allowed.error());
  co_return co_await (*match.handler)(ctx);
}

// dispatch, with exceptions (from the authenticator or the handler) answered as errors.
awaitable<http_response> dispatch_safely(request_context& ctx) {
  std::optional<ledger::error> failure;
  try {
    co_return co_await dispatch(ctx);
  } catch (const ledger::error_exception& e) {
    failure = e.err;
  } catch (const std::exception& e) {
    spdlog::error("request {} failed: {}", ctx.request_id, e.what());
    failure = ledger::error(ledger::errc::internal, "internal error; the request id is in the server log");
  }
  co_return error_response(*failure);
}

}  // namespace

awaitable<http_response> handle_request(service& service, http_request& request,
                                        std::string_view peer_address) {
  const auto started = clock::now();
  const auto target = boost::urls::parse_origin_form(to_std(request.target()));
  if (!target) {
    co_return answer_unreadable(service, request, peer_address, http::status::bad_request, "bad_request",
                                "the request target is not a path");
  }
  request_context ctx{.service = service,
                      .request = request,
                      .target = *target,
                      .params = {},
                      .client_address = service.clients.client_of(peer_address, request),
                      .request_id = make_request_id(),
                      .route_label = "unmatched",
                      .caller = std::nullopt};
  http_response response = co_await dispatch_safely(ctx);
  finish(service, request, response,
         {ctx.route_label, ctx.caller ? std::string_view(ctx.caller->username) : "-", ctx.request_id,
          ctx.client_address, peer_address, started});
  co_return response;
}

http_response answer_unreadable(service& service, const http_request& request, std::string_view peer_address,
                                http::status status, std::string_view code, std::string message) {
  const auto started = clock::now();
  http_response response = error_response(status, code, message);
  const std::string request_id = make_request_id();
  const std::string client = service.clients.client_of(peer_address, request);
  finish(service, request, response, {"unreadable", "-", request_id, client, peer_address, started});
  response.keep_alive(false);
  return response;
}

http_response handle_request_now(service& service, http_request request, std::string_view peer_address) {
  return run_sync(handle_request(service, request, peer_address));
}

}  // namespace samaki::server
