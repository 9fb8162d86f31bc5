// POST|GET /api/v1/groups/{gid}/periods: closing a period, and the closes with their seals.
#include "ledger/groups/registry.hpp"
#include "ledger/store/rows.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/paging.hpp"
#include "server/http/responses.hpp"
#include "server/json/json_edge.hpp"
#include "server/json/ledger_json.hpp"

namespace samaki::server {
namespace {

using ledger::period_info;

awaitable<http_response> close_period(request_context& ctx) {
  auto body = parse_json_body(ctx.request);
  if (!body) co_return error_response(body.error());
  auto close = parse_period_close(json_fields(*body), path_group(ctx));
  if (!close) co_return error_response(close.error());
  close->author = author(ctx);
  auto writing = write_audited<period_info>(
      ctx, "period.close", path_group(ctx),
      [c = std::move(*close)](ledger::write_context& w) { return ledger::close_period(w, c); },
      [](const period_info& p) -> std::optional<audit_note> {
        return audit_note{"period through " + p.through.to_string(), "seal " + p.seal_code, std::nullopt};
      });
  auto closed = co_await std::move(writing);
  if (!closed) co_return error_response(closed.error());
  co_return json_response(http::status::created, period_json(*closed));
}

// An admin reopens the latest close with a reason (audited); its seal stays listed and checkable.
awaitable<http_response> reopen_period(request_context& ctx) {
  auto body = parse_json_body(ctx.request);
  if (!body) co_return error_response(body.error());
  auto reopening =
      parse_period_reopening(json_fields(*body), path_group(ctx), ctx.params.id<ledger::period_id>("id"));
  if (!reopening) co_return error_response(reopening.error());
  reopening->author = author(ctx);
  auto writing = write_audited<period_info>(
      ctx, "period.reopen", path_group(ctx),
      [r = std::move(*reopening)](ledger::write_context& w) { return ledger::reopen_period(w, r); },
      [](const period_info& p) -> std::optional<audit_note> {
        return audit_note{"period through " + p.through.to_string(), "reopened: " + p.reopen_reason,
                          std::nullopt};
      });
  auto reopened = co_await std::move(writing);
  if (!reopened) co_return error_response(reopened.error());
  co_return json_response(http::status::ok, period_json(*reopened));
}

awaitable<http_response> list_periods(request_context& ctx) {
  auto page = read_page(ctx);
  if (!page) co_return error_response(page.error());
  auto after = page->after_id();
  if (!after) co_return error_response(after.error());
  auto periods = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<std::vector<period_info>> {
    if (auto group = existing_group(r.db(), path_group(ctx)); !group) return group.error();
    return ledger::load_periods(r.db(), path_group(ctx));
  });
  if (!periods) co_return error_response(periods.error());
  // Oldest close first; the cursor is the last id shown.
  std::erase_if(*periods, [&](const period_info& p) { return p.id.value <= *after; });
  co_return json_response(http::status::ok,
                          page_body(
                              std::move(*periods), page->limit,
                              [](const period_info& p) { return std::to_string(p.id.value); }, period_json));
}

}  // namespace

void add_period_routes(service& service) {
  service.routes.add(http::verb::post, "/api/v1/groups/{gid}/periods", access::in_group(book_keepers),
                     close_period);
  // Seals are what members wrote into their minute book: every role of the group may read them.
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/periods", access::in_group(role_set::all()),
                     list_periods);
  service.routes.add(http::verb::post, "/api/v1/groups/{gid}/periods/{id}/reopen",
                     access::in_group({user_role::admin}), reopen_period);
}

}  // namespace samaki::server
