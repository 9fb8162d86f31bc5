// Proof and trail: GET /api/v1/groups/{gid}/verify?seal= and GET /api/v1/audit?group_id=&from=&to=.
#include "ledger/access/users.hpp"
#include "ledger/reports/verify.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/paging.hpp"
#include "server/http/responses.hpp"

namespace samaki::server {
namespace {

boost::json::value optional_value(const auto& v) {
  if (v) return boost::json::value(*v);
  return nullptr;
}

awaitable<http_response> verify(request_context& ctx) {
  // The code or the six words as typed: the ledger reads them (seal_check).
  std::optional<std::string> seal;
  if (auto typed = ctx.query("seal")) seal = std::string(*typed);
  auto report = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<ledger::chain_report> {
    if (auto group = existing_group(r.db(), path_group(ctx)); !group) return group.error();
    return ledger::verify_chain(r.db(), path_group(ctx), seal);
  });
  if (!report) co_return error_response(report.error());
  boost::json::object body{{"ok", report->ok},
                           {"entries", report->entries},
                           {"head", report->head},
                           {"first_bad_seq", optional_value(report->first_bad_seq)}};
  if (!report->ok) body["problem"] = report->problem;
  if (report->seal_ok) body["seal_ok"] = *report->seal_ok;
  co_return json_response(http::status::ok, body);
}

boost::json::object audit_json(const ledger::audit_record& r) {
  return {{"id", r.id},
          {"at", r.at},
          {"user_id", r.user ? boost::json::value(r.user->value) : nullptr},
          {"username", r.username},
          {"address", r.address},
          {"action", r.action},
          {"group_id", r.group ? boost::json::value(r.group->value) : nullptr},
          {"target", r.target},
          {"request_id", r.request_id},
          {"detail", r.detail}};
}

ledger::result<ledger::audit_filter> read_audit_filter(const request_context& ctx, const page_query& page) {
  ledger::audit_filter filter;
  auto group = query_id(ctx, "group_id");
  if (!group) return group.error();
  auto from = query_date(ctx, "from");
  if (!from) return from.error();
  auto to = query_date(ctx, "to");
  if (!to) return to.error();
  auto after = page.after_id();
  if (!after) return after.error();
  if (*group) {
    // Staff name only their own groups; another group is as unknown to them as a missing one.
    if (!ctx.caller->can_see(ledger::group_id{**group}))
      return ledger::error(ledger::errc::not_found, "no such group");
    filter.group = ledger::group_id{**group};
  }
  if (ctx.caller->role != user_role::admin) filter.groups = ctx.caller->groups;
  if (*from) filter.from = (*from)->to_string();
  if (*to) filter.to = (*to)->to_string();
  filter.after_id = *after;
  filter.limit = page.limit + 1;
  return filter;
}

awaitable<http_response> audit(request_context& ctx) {
  auto page = read_page(ctx);
  if (!page) co_return error_response(page.error());
  auto filter = read_audit_filter(ctx, *page);
  if (!filter) co_return error_response(filter.error());
  auto records =
      co_await on_reader(ctx.service, [&](reader& r) { return ledger::list_audit(r.db(), *filter); });
  co_return json_response(
      http::status::ok, page_body(
                            std::move(records), page->limit,
                            [](const ledger::audit_record& r) { return std::to_string(r.id); }, audit_json));
}

}  // namespace

void add_integrity_routes(service& service) {
  // Anyone of the group may check the chain against the seal in their minute book.
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/verify", access::in_group(role_set::all()),
                     verify);
  service.routes.add(http::verb::get, "/api/v1/audit",
                     access::signed_in({user_role::admin, user_role::staff}), audit);
}

}  // namespace samaki::server
