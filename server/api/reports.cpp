// GET /api/v1/groups/{gid}/reports/trial-balance?as_of=[&format=csv]
#include "ledger/store/queries.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/http/responses.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

using ledger::trial_balance_currency;

boost::json::object trial_balance_json(const std::optional<ledger::calendar_date>& as_of,
                                       const std::vector<trial_balance_currency>& currencies) {
  boost::json::array out;
  for (const auto& c : currencies) {
    boost::json::array rows;
    for (const auto& r : c.rows) {
      rows.push_back({{"code", r.code},
                      {"name", r.name},
                      {"name_km", r.name_km},
                      {"type", ledger::type_name(r.type)},
                      {"debit", r.debit.amount_text()},
                      {"credit", r.credit.amount_text()}});
    }
    out.push_back({{"currency", c.currency.code()},
                   {"rows", std::move(rows)},
                   {"total_debit", c.total_debit.amount_text()},
                   {"total_credit", c.total_credit.amount_text()}});
  }
  return {{"as_of", date_json(as_of)}, {"currencies", std::move(out)}};
}

// One row per account and currency, for spreadsheets: the totals are left to the sheet.
std::string trial_balance_csv(const std::vector<trial_balance_currency>& currencies) {
  csv_writer csv;
  csv.row({"currency", "code", "name", "name_km", "type", "debit", "credit"});
  for (const auto& c : currencies) {
    for (const auto& r : c.rows) {
      csv.row({std::string(c.currency.code()), r.code, r.name, r.name_km, ledger::type_name(r.type),
               csv_cell::number(r.debit.amount_text()), csv_cell::number(r.credit.amount_text())});
    }
  }
  return csv.take();
}

awaitable<http_response> trial_balance(request_context& ctx) {
  auto as_of = query_date(ctx, "as_of");
  if (!as_of) co_return error_response(as_of.error());
  auto format = query_choice(ctx, "format", {"json", "csv"});
  if (!format) co_return error_response(format.error());
  using report = std::vector<trial_balance_currency>;
  auto currencies = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<report> {
    if (auto group = existing_group(r.db(), path_group(ctx)); !group) return group.error();
    return ledger::trial_balance(r.db(), path_group(ctx), *as_of);
  });
  if (!currencies) co_return error_response(currencies.error());
  if (*format == "csv") {
    co_return download_response(trial_balance_csv(*currencies), csv_content_type,
                                download_name(ctx, "trial-balance", *as_of, "csv"));
  }
  co_return json_response(http::status::ok, trial_balance_json(*as_of, *currencies));
}

}  // namespace

void add_report_routes(service& service) {
  // The trial balance is a summary of the group's books: members may read it too (api.md, roles).
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/reports/trial-balance",
                     access::in_group(role_set::all()), trial_balance);
}

}  // namespace samaki::server
