// GET|POST /api/v1/groups, GET /api/v1/groups/{gid}.
#include "ledger/groups/registry.hpp"
#include "ledger/store/queries.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/paging.hpp"
#include "server/http/responses.hpp"
#include "server/json/json_edge.hpp"
#include "server/json/ledger_json.hpp"

namespace samaki::server {
namespace {

using ledger::group_info;

awaitable<http_response> list_groups(request_context& ctx) {
  auto page = read_page(ctx);
  if (!page) co_return error_response(page.error());
  auto after = page->after_id();
  if (!after) co_return error_response(after.error());
  // An admin sees every group; everyone else the groups assigned to them.
  std::optional<std::vector<ledger::group_id>> visible;
  if (ctx.caller->role != user_role::admin) visible = ctx.caller->groups;
  auto groups =
      co_await on_reader(ctx.service, [&](reader& r) { return ledger::list_groups(r.db(), visible); });
  co_return json_response(http::status::ok, page_after(
                                                std::move(groups), page->limit, std::optional(*after),
                                                [](const group_info& g) { return g.id.value; }, group_json));
}

awaitable<http_response> create_group(request_context& ctx) {
  auto body = parse_json_body(ctx.request);
  if (!body) co_return error_response(body.error());
  auto group = parse_new_group(json_fields(*body));
  if (!group) co_return error_response(group.error());
  auto writing = write_audited<group_info>(
      ctx, "group.create", std::nullopt,
      [g = std::move(*group)](ledger::write_context& w) { return ledger::create_group(w, g); },
      [](const group_info& g) -> std::optional<audit_note> {
        return audit_note{"group " + std::to_string(g.id.value), "", g.id};
      });
  auto created = co_await std::move(writing);
  if (!created) co_return error_response(created.error());
  co_return json_response(http::status::created, group_json(*created));
}

awaitable<http_response> get_group(request_context& ctx) {
  auto group =
      co_await on_reader(ctx.service, [&](reader& r) { return existing_group(r.db(), path_group(ctx)); });
  if (!group) co_return error_response(group.error());
  co_return json_response(http::status::ok, group_json(*group));
}

}  // namespace

void add_group_routes(service& service) {
  service.routes.add(http::verb::get, "/api/v1/groups", access::signed_in(), list_groups);
  service.routes.add(http::verb::post, "/api/v1/groups", access::signed_in({user_role::admin}), create_group);
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}", access::in_group(role_set::all()), get_group);
}

}  // namespace samaki::server
