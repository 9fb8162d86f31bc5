// GET /api/v1/groups/{gid}/reports/allocation-surplus?as_of= (joint-task committees; today when as_of is
// left out): what an allocation that day may share, for the allocation form before the split is typed
// (ledger/reports/joint_task/allocation_surplus.hpp): {"as_of", "currency", "last_allocation", "carried",
// "result", "surplus"}.
#include "ledger/reports/joint_task/allocation_surplus.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/http/responses.hpp"
#include "server/json/ledger_json.hpp"

namespace samaki::server {
namespace {

awaitable<http_response> allocation_surplus(request_context& ctx) {
  auto as_of = query_date(ctx, "as_of");
  if (!as_of) co_return error_response(as_of.error());
  const auto day = as_of->value_or(ledger::calendar_date::today(ctx.service.config.timezone_offset_minutes));
  auto read = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<ledger::allocation_surplus> {
    auto group = existing_group(r.db(), path_group(ctx));
    if (!group) return group.error();
    if (group->kind != ledger::group_kind::joint_task)
      return ledger::error(ledger::errc::wrong_group_kind, "this report is for joint-task committees",
                           {{"kind", std::string(ledger::kind_name(group->kind))}});
    return ledger::read_allocation_surplus(r.db(), *group, day);
  });
  if (!read) co_return error_response(read.error());
  co_return json_response(http::status::ok, {{"as_of", read->as_of.to_string()},
                                             {"currency", read->surplus.currency_code()},
                                             {"last_allocation", date_json(read->last_allocation)},
                                             {"carried", read->carried.amount_text()},
                                             {"result", read->result.amount_text()},
                                             {"surplus", read->surplus.amount_text()}});
}

}  // namespace

void add_allocation_surplus_routes(service& service) {
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/reports/allocation-surplus",
                     access::in_group(role_set::all()), allocation_surplus);
}

}  // namespace samaki::server
