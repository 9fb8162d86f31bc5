// A cooperative's by-laws (operations.md, "Agriculture cooperatives"): PUT /api/v1/groups/{gid}/bylaws
// {"effective_from", "reserve_percent", "education_percent", "dividend_cap_percent", "patronage_percent",
// "patronage_cash_percent", "cash_unit"} records a new version as a `bylaws` operation (an Idempotency-Key,
// when sent, makes a retry answer the same); GET .../bylaws answers {"currency", "current", "history"}: the
// version in force today (the defaults, with "operation_id": null, before any) and every version, oldest
// first. Percentages are decimal strings, cash_unit an amount.
#include "ledger/coop/appropriation_fields.hpp"
#include "ledger/reports/coop/appropriation_report.hpp"
#include "ledger/store/coop_records.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/operations/recording.hpp"
#include "server/http/responses.hpp"
#include "server/json/json_edge.hpp"
#include "server/json/operation_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace samaki::server {
namespace {

struct bylaws_history {
  ledger::group_info group;
  std::vector<ledger::bylaws> versions;
};

boost::json::value version_json(const ledger::bylaws& b) {
  return field_value_json(ledger::field_value{ledger::bylaws_fields_of(b)});
}

boost::json::object history_json(const bylaws_history& h, ledger::calendar_date today) {
  boost::json::array versions;
  for (const auto& b : h.versions) versions.push_back(version_json(b));
  return {{"currency", h.group.currency.code()},
          {"current", version_json(ledger::bylaws_on(h.versions, h.group, today))},
          {"history", std::move(versions)}};
}

awaitable<ledger::result<bylaws_history>> read_history(request_context& ctx) {
  co_return co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<bylaws_history> {
    auto group = ledger::cooperative(r.db(), path_group(ctx));
    if (!group) return group.error();
    return bylaws_history{*group, ledger::load_bylaws(r.db(), *group)};
  });
}

ledger::calendar_date today(const request_context& ctx) {
  return ledger::calendar_date::today(ctx.service.config.timezone_offset_minutes);
}

awaitable<http_response> get_bylaws(request_context& ctx) {
  auto reading = read_history(ctx);
  auto history = co_await std::move(reading);
  if (!history) co_return error_response(history.error());
  co_return json_response(http::status::ok, history_json(*history, today(ctx)));
}

api_result<ledger::operation_request> bylaws_request(const request_context& ctx) {
  auto body = parse_json_body(ctx.request);
  if (!body) return body.error();
  auto fields = parse_fields(*body, ledger::bylaws_fields(), {"effective_from"});
  if (!fields) return fields.error();
  const auto* from = body->if_contains("effective_from");
  if (!from || !from->is_string())
    return ledger::error(ledger::errc::bad_request, "\"effective_from\" is required as YYYY-MM-DD",
                         {{"field", "effective_from"}});
  auto date = ledger::calendar_date::parse_field(from->as_string(), "effective_from");
  if (!date) return date.error();
  ledger::operation_request request;
  request.group = path_group(ctx);
  request.type = "bylaws";
  request.date = *date;
  request.fields = std::move(*fields);
  request.recorded = boost::json::serialize(*body);
  request.idempotency_key = std::string(ctx.header("Idempotency-Key"));
  return request;
}

awaitable<http_response> put_bylaws(request_context& ctx) {
  auto request = bylaws_request(ctx);
  if (!request) co_return error_response(request.error());
  auto recording = record(ctx, std::move(*request));
  auto done = co_await std::move(recording);
  if (!done) co_return error_response(done.error());
  auto reading = read_history(ctx);
  auto history = co_await std::move(reading);
  if (!history) co_return error_response(history.error());
  auto body = history_json(*history, today(ctx));
  body["operation_id"] = done->id.value;
  co_return json_response(done->replayed ? http::status::ok : http::status::created, body);
}

}  // namespace

void add_bylaws_routes(service& service) {
  const std::string bylaws = "/api/v1/groups/{gid}/bylaws";
  service.routes.add(http::verb::put, bylaws, access::in_group(book_keepers), put_bylaws);
  service.routes.add(http::verb::get, bylaws, access::in_group(role_set::all()), get_bylaws);
}

}  // namespace samaki::server
