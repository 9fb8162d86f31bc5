// GET /api/v1/groups/{gid}/members/{mid}/harvests — a joint-task committee member's page, its own part
// (ledger/reports/joint_task/member_harvests.hpp): {"member_id", "currency", "harvests": [{"from", "to",
// "work_days", "allocation": {"operation_id", "date", "decision", "split", "work_from", "work_to"}|null,
// "weight", "share"}], "allocated", "paid", "owed"}; "weight" and "share" are null when the allocation gave
// them nothing. The open harvest ("to" and "allocation" null) is listed when they worked in it. A member
// reads their own only.
#include "ledger/reports/joint_task/member_harvests.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/http/responses.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

boost::json::object harvest_json(const ledger::member_harvest& h) {
  boost::json::value allocation = nullptr;
  if (const auto& a = h.allocation)
    allocation = {{"operation_id", a->operation.value},
                  {"date", a->date.to_string()},
                  {"decision", a->decision},
                  {"split", a->split},
                  {"work_from", date_json(a->work_from)},
                  {"work_to", date_json(a->work_to)}};
  return {{"from", date_json(h.from)},
          {"to", date_json(h.to)},
          {"work_days", h.work_days},
          {"allocation", std::move(allocation)},
          {"weight", h.share ? boost::json::value(h.share->weight) : nullptr},
          {"share", h.share ? boost::json::value(h.share->amount.amount_text()) : nullptr}};
}

awaitable<http_response> member_harvests(request_context& ctx) {
  const auto mid = ctx.params.id<ledger::member_id>(member_param);
  auto page = co_await on_reader(
      ctx.service, [&](reader& r) { return ledger::read_member_harvests(r.db(), path_group(ctx), mid); });
  if (!page) co_return error_response(page.error());
  boost::json::array harvests;
  for (const auto& h : page->harvests) harvests.push_back(harvest_json(h));
  co_return json_response(http::status::ok, {{"member_id", mid.value},
                                             {"currency", page->group.currency.code()},
                                             {"harvests", std::move(harvests)},
                                             {"allocated", page->allocated.amount_text()},
                                             {"paid", page->paid.amount_text()},
                                             {"owed", page->owed.amount_text()}});
}

}  // namespace

void add_member_harvest_routes(service& service) {
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/members/{mid}/harvests",
                     access::own_member(role_set::all()), member_harvests);
}

}  // namespace samaki::server
