// GET /api/v1/groups/{gid}/reports/harvest?year= (joint-task committees), JSON or ?format=csv, ?lang=km:
// {"year", "currency", "harvests": [{"from", "to", "allocation": {...}|null, "sales": [{"crop", "currency",
// "quantity_kg", "amount"}], "income_statement"}], "year_totals": {"sales", "income_statement",
// "village_fund", "reinvest", "members"}}. A harvest is what was sold and spent after the previous
// allocation up to the allocation that shared it (ledger/reports/joint_task/harvest_report.hpp); the last
// one, with "allocation": null, is still open.
#include "ledger/reports/joint_task/harvest_report.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/reports/report_options.hpp"
#include "server/api/reports/statement_json.hpp"
#include "server/http/responses.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

boost::json::array sales_json(const std::vector<ledger::crop_sales>& sales) {
  boost::json::array out;
  for (const auto& s : sales)
    out.push_back({{"crop", s.crop},
                   {"currency", s.currency.code()},
                   {"quantity_kg", s.kg.text()},
                   {"amount", s.amount.amount_text()}});
  return out;
}

boost::json::value allocation_json(report_language language, const ledger::harvest_report& r,
                                   const std::optional<ledger::allocation_record>& a) {
  if (!a) return nullptr;
  boost::json::array members;
  for (const auto& m : a->members) {
    boost::json::object row{
        {"member_id", m.member.value}, {"weight", m.weight}, {"amount", m.amount.amount_text()}};
    for (const auto& named : r.members_named)
      if (named.id == m.member) add_names(row, language, named);
    members.push_back(std::move(row));
  }
  return {{"operation_id", a->operation.value},
          {"date", a->date.to_string()},
          {"decision", a->decision},
          {"surplus", a->surplus.amount_text()},
          {"village_fund", a->village_fund.amount_text()},
          {"reinvest", a->reinvest.amount_text()},
          {"members_amount", a->members_amount.amount_text()},
          {"split", a->split},
          {"work_from", date_json(a->work_from)},
          {"work_to", date_json(a->work_to)},
          {"members", std::move(members)}};
}

boost::json::object harvest_json(report_language language, const ledger::harvest_report& r) {
  boost::json::array harvests;
  for (const auto& h : r.harvests)
    harvests.push_back({{"from", date_json(h.from)},
                        {"to", h.to.to_string()},
                        {"allocation", allocation_json(language, r, h.allocation)},
                        {"sales", sales_json(h.sales)},
                        {"income_statement", income_statement_json(language, h.results)}});
  return {{"year", r.year},
          {"currency", r.group.currency.code()},
          {"harvests", std::move(harvests)},
          {"year_totals",
           {{"sales", sales_json(r.sales)},
            {"income_statement", income_statement_json(language, r.results)},
            {"village_fund", r.village_fund.amount_text()},
            {"reinvest", r.reinvest.amount_text()},
            {"members", r.members.amount_text()}}}};
}

// For spreadsheets: one row per harvest (its income, costs, net and allocation in the group's currency),
// then the year's.
std::string harvest_csv(report_language, const ledger::harvest_report& r) {
  csv_writer csv;
  csv.row(
      {"harvest", "from", "to", "income", "costs", "net", "village_fund", "reinvest", "members", "decision"});
  auto base = [&](const ledger::income_statement& s) -> const ledger::income_statement_currency* {
    for (const auto& c : s.currencies)
      if (c.currency == r.group.currency) return &c;
    return nullptr;
  };
  auto amount = [](const ledger::money& m) { return csv_cell::number(m.amount_text()); };
  // What the members were given: the amount asked less the remainder of whole cash units.
  auto shared = [&](const ledger::allocation_record& a) {
    auto total = ledger::money::zero(r.group.currency);
    for (const auto& m : a.members) total = ledger::add(total, m.amount).value();
    return total;
  };
  int number = 0;
  for (const auto& h : r.harvests) {
    const auto* c = base(h.results);
    const auto zero = ledger::money::zero(r.group.currency);
    csv.row({h.allocation ? csv_cell::number(std::to_string(++number)) : csv_cell("open"),
             h.from ? h.from->to_string() : "", h.to.to_string(), amount(c ? c->total_income : zero),
             amount(c ? c->total_expenses : zero), amount(c ? c->net_result : zero),
             amount(h.allocation ? h.allocation->village_fund : zero),
             amount(h.allocation ? h.allocation->reinvest : zero),
             amount(h.allocation ? shared(*h.allocation) : zero),
             h.allocation ? h.allocation->decision : ""});
  }
  const auto* c = base(r.results);
  const auto zero = ledger::money::zero(r.group.currency);
  csv.row({"year", std::to_string(r.year) + "-01-01", std::to_string(r.year) + "-12-31",
           amount(c ? c->total_income : zero), amount(c ? c->total_expenses : zero),
           amount(c ? c->net_result : zero), amount(r.village_fund), amount(r.reinvest), amount(r.members),
           ""});
  return csv.take();
}

awaitable<http_response> harvest_report(request_context& ctx) {
  auto year = read_report_year(ctx);
  if (!year) co_return error_response(year.error());
  auto answering = answer_report<ledger::harvest_report>(
      ctx, "harvest", ledger::calendar_date::from_ymd(*year, 12, 31),
      [group = path_group(ctx), y = *year](ledger::sqlite::connection& db) {
        return ledger::read_harvest_report(db, group, y);
      },
      harvest_json, harvest_csv);
  co_return co_await std::move(answering);
}

}  // namespace

void add_harvest_report_routes(service& service) {
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/reports/harvest",
                     access::in_group(role_set::all()), harvest_report);
}

}  // namespace samaki::server
