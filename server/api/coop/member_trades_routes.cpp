// GET /api/v1/groups/{gid}/members/{mid}/trades?from=&to= — what one member sold to the group and bought from
// it (produce, inputs), oldest first, for the member's page: {"member_id", "from", "to", "items":
// [{"operation_id", "date", "type", "item", "quantity", "unit", "amount", "currency"}]}. Reversed operations
// are left out. A member reads their own only (like the statement); the whole history when no dates.
#include "ledger/store/rows.hpp"
#include "ledger/store/trade_records.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/http/responses.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

boost::json::object trade_json(const ledger::trade_record& t) {
  return {{"operation_id", t.operation.value},
          {"date", t.date.to_string()},
          {"type", t.type},
          {"item", t.item},
          {"quantity", t.amount_of.text()},
          {"unit", t.unit},
          {"amount", t.amount.amount_text()},
          {"currency", t.amount.currency_code()}};
}

awaitable<http_response> member_trades(request_context& ctx) {
  auto from = query_date(ctx, "from");
  if (!from) co_return error_response(from.error());
  auto to = query_date(ctx, "to");
  if (!to) co_return error_response(to.error());
  const auto first = from->value_or(ledger::calendar_date::from_ymd(1970, 1, 1));
  const auto last = to->value_or(ledger::calendar_date::from_ymd(9999, 12, 31));
  const auto mid = ctx.params.id<ledger::member_id>(member_param);
  auto trades =
      co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<std::vector<ledger::trade_record>> {
        auto member = ledger::load_member(r.db(), mid);
        if (!member || member->group != path_group(ctx))
          return ledger::error(ledger::errc::not_found, "no such member");
        return ledger::load_member_trades(r.db(), member->group, member->id, first, last);
      });
  if (!trades) co_return error_response(trades.error());
  boost::json::array items;
  for (const auto& t : *trades) items.push_back(trade_json(t));
  co_return json_response(http::status::ok, {{"member_id", mid.value},
                                             {"from", date_json(*from)},
                                             {"to", date_json(*to)},
                                             {"items", std::move(items)}});
}

}  // namespace

void add_member_trades_routes(service& service) {
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/members/{mid}/trades",
                     access::own_member(role_set::all()), member_trades);
}

}  // namespace samaki::server
