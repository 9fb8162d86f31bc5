// GET /api/v1/groups/{gid}/reports/trends?from=&to=&cycle= — the figures the charts draw: a savings group's
// loan fund at each meeting of a cycle, income and expenses by month, and PAR30 at each month's end.
#include "ledger/reports/trends.hpp"
#include "server/api/common.hpp"
#include "server/api/reports/report_options.hpp"
#include "server/api/reports/report_routes.hpp"
#include "server/http/responses.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

boost::json::object trends_json(const ledger::trends& t) {
  boost::json::array meetings, months;
  for (const auto& m : t.meetings)
    meetings.push_back({{"date", m.date.to_string()},
                        {"operation_id", m.meeting.value},
                        {"savings", m.savings.amount_text()},
                        {"loan_fund_cash", m.loan_fund_cash.amount_text()},
                        {"loans_outstanding", m.loans_outstanding.amount_text()}});
  for (const auto& m : t.months)
    months.push_back({{"month", m.from.to_string().substr(0, 7)},
                      {"from", m.from.to_string()},
                      {"to", m.to.to_string()},
                      {"income", m.income.amount_text()},
                      {"expenses", m.expenses.amount_text()},
                      {"net", ledger::minus(m.income, m.expenses).amount_text()},
                      {"par30", m.par30 ? boost::json::value(*m.par30) : nullptr}});
  boost::json::value cycle = nullptr;
  if (t.cycle)
    cycle = boost::json::object{{"id", t.cycle->id.value},
                                {"start", t.cycle->start.to_string()},
                                {"closed_on", date_json(t.cycle->closed_on)}};
  return {{"from", t.from.to_string()}, {"to", t.to.to_string()},          {"currency", t.currency.code()},
          {"cycle", std::move(cycle)},  {"meetings", std::move(meetings)}, {"months", std::move(months)}};
}

}  // namespace

awaitable<http_response> trends_report(request_context& ctx) {
  auto period = read_report_period(ctx);
  if (!period) co_return error_response(period.error());
  auto cycle = query_id(ctx, "cycle");
  if (!cycle) co_return error_response(cycle.error());
  auto range = ledger::trends_range(period->from, period->to,
                                    ledger::calendar_date::today(ctx.service.config.timezone_offset_minutes));
  if (!range) co_return error_response(range.error());
  std::optional<ledger::cycle_id> asked;
  if (*cycle) asked = ledger::cycle_id{**cycle};
  const auto group = path_group(ctx);
  auto report = co_await on_reader(
      ctx.service, [&](reader& r) { return ledger::read_trends(r.db(), group, *range, asked); });
  if (!report) co_return error_response(report.error());
  co_return json_response(http::status::ok, trends_json(*report));
}

}  // namespace samaki::server
