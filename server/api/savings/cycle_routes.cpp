// Savings-group cycles (operations.md, "Cycles and their settings"): POST|GET /api/v1/groups/{gid}/cycles,
// GET .../cycles/current, GET .../cycles/{id}, POST .../cycles/{id}/settings. Starting a cycle and changing
// its settings are recorded as operations (cycle_start, cycle_settings): an Idempotency-Key, when sent,
// makes a retry answer the same cycle.
#include "ledger/operations/operation.hpp"
#include "ledger/savings/cycle.hpp"
#include "ledger/store/savings_records.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/operations/recording.hpp"
#include "server/api/paging.hpp"
#include "server/http/responses.hpp"
#include "server/json/json_edge.hpp"
#include "server/json/operation_json.hpp"
#include "server/json/savings_json.hpp"
#include "server/json/strict_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace samaki::server {
namespace {

ledger::calendar_date today(const request_context& ctx) {
  return ledger::calendar_date::today(ctx.service.config.timezone_offset_minutes);
}

std::string optional_key(const request_context& ctx) {
  return std::string(ctx.header("Idempotency-Key"));
}

// The body's date field becomes the operation's date; the rest are the settings.
api_result<ledger::operation_request> cycle_request(const request_context& ctx, std::string type,
                                                    std::string_view date_field,
                                                    std::vector<ledger::field_spec> specs) {
  auto body = parse_json_body(ctx.request);
  if (!body) return body.error();
  auto fields = parse_fields(*body, specs, {date_field});
  if (!fields) return fields.error();
  const auto* date_value = body->if_contains(date_field);
  if (!date_value || !date_value->is_string())
    return ledger::error(ledger::errc::bad_request,
                         "\"" + std::string(date_field) + "\" is required as YYYY-MM-DD",
                         {{"field", std::string(date_field)}});
  auto date = ledger::calendar_date::parse_field(date_value->as_string(), date_field);
  if (!date) return date.error();
  ledger::operation_request request;
  request.group = path_group(ctx);
  request.type = std::move(type);
  request.date = *date;
  request.fields = std::move(*fields);
  request.recorded = boost::json::serialize(*body);
  request.idempotency_key = optional_key(ctx);
  return request;
}

// After the operation: the cycle it started or changed, as the cycles endpoints show it.
awaitable<http_response> answer_cycle(request_context& ctx, const ledger::result<answered_operation>& done) {
  if (!done) co_return error_response(done.error());
  std::int64_t id = 0;
  if (auto it = done->outcome.find("cycle_id"); it != done->outcome.end())
    id = std::get<std::int64_t>(it->second.value);
  else if (auto parsed = parse_strict_json(done->body); parsed && parsed->is_object())
    if (const auto* v = parsed->as_object().if_contains("cycle_id"); v && v->is_int64()) id = v->as_int64();
  auto cycle = co_await on_reader(
      ctx.service, [&](reader& r) { return ledger::load_cycle(r.db(), ledger::cycle_id{id}); });
  if (!cycle)
    co_return error_response(
        ledger::error(ledger::errc::internal, "the cycle was not found after recording"));
  auto body = cycle_json(*cycle, today(ctx));
  body["operation_id"] = done->id.value;
  co_return json_response(done->replayed ? http::status::ok : http::status::created, body);
}

awaitable<http_response> start_cycle(request_context& ctx) {
  auto request = cycle_request(ctx, "cycle_start", "start", ledger::cycle_settings_fields(true));
  if (!request) co_return error_response(request.error());
  auto recording = record(ctx, std::move(*request));
  auto done = co_await std::move(recording);
  co_return co_await answer_cycle(ctx, done);
}

awaitable<http_response> change_settings(request_context& ctx) {
  auto specs = ledger::cycle_settings_fields(false);
  auto request = cycle_request(ctx, "cycle_settings", "effective_from", specs);
  if (!request) co_return error_response(request.error());
  request->fields["cycle_id"] = ledger::field_value{ctx.params.id("id")};
  auto recording = record(ctx, std::move(*request));
  auto done = co_await std::move(recording);
  co_return co_await answer_cycle(ctx, done);
}

awaitable<http_response> list_cycles(request_context& ctx) {
  auto cycles =
      co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<std::vector<ledger::cycle_info>> {
        if (auto group = existing_group(r.db(), path_group(ctx)); !group) return group.error();
        return ledger::load_cycles(r.db(), path_group(ctx));
      });
  if (!cycles) co_return error_response(cycles.error());
  boost::json::array items;
  for (const auto& c : *cycles) items.push_back(cycle_json(c, today(ctx)));
  co_return json_response(http::status::ok, list_body(std::move(items), std::nullopt));
}

awaitable<http_response> current_cycle(request_context& ctx) {
  auto cycle =
      co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<std::optional<ledger::cycle_info>> {
        if (auto group = existing_group(r.db(), path_group(ctx)); !group) return group.error();
        return ledger::open_cycle(r.db(), path_group(ctx));
      });
  if (!cycle) co_return error_response(cycle.error());
  if (!*cycle)
    co_return error_response(
        ledger::error(ledger::errc::not_found, "the group has no open cycle", {{"rule", "no_open_cycle"}}));
  co_return json_response(http::status::ok, cycle_json(**cycle, today(ctx)));
}

awaitable<http_response> get_cycle(request_context& ctx) {
  auto cycle = co_await on_reader(ctx.service, [&](reader& r) {
    return ledger::load_cycle(r.db(), ctx.params.id<ledger::cycle_id>("id"));
  });
  if (!cycle || cycle->group != path_group(ctx))
    co_return error_response(ledger::error(ledger::errc::not_found, "no such cycle"));
  co_return json_response(http::status::ok, cycle_json(*cycle, today(ctx)));
}

}  // namespace

void add_cycle_routes(service& service) {
  const std::string cycles = "/api/v1/groups/{gid}/cycles";
  service.routes.add(http::verb::post, cycles, access::in_group(book_keepers), start_cycle);
  service.routes.add(http::verb::get, cycles, access::in_group(role_set::all()), list_cycles);
  service.routes.add(http::verb::get, cycles + "/current", access::in_group(role_set::all()), current_cycle);
  service.routes.add(http::verb::get, cycles + "/{id}", access::in_group(role_set::all()), get_cycle);
  service.routes.add(http::verb::post, cycles + "/{id}/settings", access::in_group(book_keepers),
                     change_settings);
}

}  // namespace samaki::server
