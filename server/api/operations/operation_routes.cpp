// Operations (operations.md): POST|GET /api/v1/groups/{gid}/operations, GET .../operations/{id},
// POST .../operations/{id}/reverse, GET .../operation-types.
#include "ledger/operations/operation.hpp"
#include "ledger/store/operation_records.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/operations/recording.hpp"
#include "server/api/paging.hpp"
#include "server/http/responses.hpp"
#include "server/json/json_edge.hpp"
#include "server/json/operation_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace samaki::server {
namespace {

http_response answered(request_context& ctx, const ledger::result<answered_operation>& a) {
  if (!a) return error_response(a.error());
  if (!a->replayed) ctx.service.metrics.postings_committed.add();
  return text_response(a->replayed ? http::status::ok : http::status::created, a->body, json_content_type);
}

awaitable<http_response> record_operation(request_context& ctx) {
  auto key = idempotency_key(ctx);
  if (!key) co_return error_response(key.error());
  auto body = parse_json_body(ctx.request);
  if (!body) co_return error_response(body.error());
  // The group's kind decides which type a name means (a savings group's grant is not a cooperative's).
  auto group =
      co_await on_reader(ctx.service, [&](reader& r) { return existing_group(r.db(), path_group(ctx)); });
  if (!group) co_return error_response(group.error());
  auto request = parse_operation_request(*body, path_group(ctx), group->kind);
  if (!request) co_return error_response(request.error());
  request->idempotency_key = std::move(*key);
  auto recording = record(ctx, std::move(*request));
  auto result = co_await std::move(recording);
  co_return answered(ctx, result);
}

awaitable<http_response> reverse_operation(request_context& ctx) {
  auto key = idempotency_key(ctx);
  if (!key) co_return error_response(key.error());
  auto body = parse_json_body(ctx.request);
  if (!body) co_return error_response(body.error());
  auto reversal = parse_operation_reversal(*body, path_group(ctx), ctx.params.id<ledger::operation_id>("id"));
  if (!reversal) co_return error_response(reversal.error());
  reversal->idempotency_key = std::move(*key);
  auto reversing = reverse(ctx, std::move(*reversal));
  auto result = co_await std::move(reversing);
  co_return answered(ctx, result);
}

ledger::result<ledger::operation_filter> read_filter(const request_context& ctx, const page_query& page) {
  ledger::operation_filter filter;
  filter.group = path_group(ctx);
  auto from = query_date(ctx, "from");
  if (!from) return from.error();
  auto to = query_date(ctx, "to");
  if (!to) return to.error();
  auto member = query_id(ctx, "member_id");
  if (!member) return member.error();
  auto after = page.after_id();
  if (!after) return after.error();
  filter.type = ctx.query("type");
  filter.from = *from;
  filter.to = *to;
  if (*member) filter.member = ledger::member_id{**member};
  filter.after_id = *after;
  filter.limit = page.limit + 1;
  return filter;
}

awaitable<http_response> list_operations(request_context& ctx) {
  auto page = read_page(ctx);
  if (!page) co_return error_response(page.error());
  auto filter = read_filter(ctx, *page);
  if (!filter) co_return error_response(filter.error());
  using records = std::vector<ledger::operation_record>;
  auto found = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<records> {
    if (auto group = existing_group(r.db(), filter->group); !group) return group.error();
    return ledger::list_operations(r.db(), *filter);
  });
  if (!found) co_return error_response(found.error());
  co_return json_response(http::status::ok,
                          page_body(
                              std::move(*found), page->limit,
                              [](const ledger::operation_record& r) { return std::to_string(r.id.value); },
                              stored_operation_json));
}

awaitable<http_response> get_operation(request_context& ctx) {
  auto found = co_await on_reader(ctx.service, [&](reader& r) {
    return ledger::load_operation(r.db(), ctx.params.id<ledger::operation_id>("id"));
  });
  if (!found || found->group != path_group(ctx))
    co_return error_response(ledger::error(ledger::errc::not_found, "no such operation"));
  co_return json_response(http::status::ok, stored_operation_json(*found));
}

awaitable<http_response> operation_types(request_context& ctx) {
  auto group =
      co_await on_reader(ctx.service, [&](reader& r) { return existing_group(r.db(), path_group(ctx)); });
  if (!group) co_return error_response(group.error());
  boost::json::array items;
  for (const auto* type : ledger::operation_types_for(group->kind))
    items.push_back(operation_type_json(*type));
  co_return json_response(http::status::ok,
                          {{"kind", ledger::kind_name(group->kind)}, {"items", std::move(items)}});
}

}  // namespace

void add_operation_routes(service& service) {
  const std::string operations = "/api/v1/groups/{gid}/operations";
  service.routes.add(http::verb::post, operations, access::in_group(book_keepers), record_operation);
  service.routes.add(http::verb::get, operations, access::in_group(book_readers), list_operations);
  service.routes.add(http::verb::get, operations + "/{id}", access::in_group(book_readers), get_operation);
  service.routes.add(http::verb::post, operations + "/{id}/reverse", access::in_group(book_keepers),
                     reverse_operation);
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/operation-types",
                     access::in_group(role_set::all()), operation_types);
}

}  // namespace samaki::server
