// GET /api/v1/groups/{gid}/reports/trial-balance?as_of=[&format=csv][&lang=km]
#include "ledger/store/queries.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/reports/report_options.hpp"
#include "server/api/reports/report_routes.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

using ledger::trial_balance_currency;

boost::json::object trial_balance_json(report_language language,
                                       const std::optional<ledger::calendar_date>& as_of,
                                       const std::vector<trial_balance_currency>& currencies) {
  boost::json::array out;
  for (const auto& c : currencies) {
    boost::json::array rows;
    for (const auto& r : c.rows) {
      boost::json::object row{{"code", r.code}};
      add_names(row, language, r);
      row["type"] = ledger::type_name(r.type);
      row["debit"] = r.debit.amount_text();
      row["credit"] = r.credit.amount_text();
      rows.push_back(std::move(row));
    }
    out.push_back({{"currency", c.currency.code()},
                   {"rows", std::move(rows)},
                   {"total_debit", c.total_debit.amount_text()},
                   {"total_credit", c.total_credit.amount_text()}});
  }
  return {{"as_of", date_json(as_of)}, {"currencies", std::move(out)}};
}

// One row per account and currency, for spreadsheets: the totals are left to the sheet.
std::string trial_balance_csv(report_language language,
                              const std::vector<trial_balance_currency>& currencies) {
  csv_writer csv;
  csv.row({"currency", "code", "name", "name_km", "type", "debit", "credit"});
  for (const auto& c : currencies) {
    for (const auto& r : c.rows) {
      csv.row({std::string(c.currency.code()), r.code, localized(language, r.name, r.name_km), r.name_km,
               ledger::type_name(r.type), csv_cell::number(r.debit.amount_text()),
               csv_cell::number(r.credit.amount_text())});
    }
  }
  return csv.take();
}

}  // namespace

awaitable<http_response> trial_balance_report(request_context& ctx) {
  auto as_of = query_date(ctx, "as_of");
  if (!as_of) co_return error_response(as_of.error());
  using report = std::vector<trial_balance_currency>;
  auto answering = answer_report<report>(
      ctx, "trial-balance", *as_of,
      [as_of_day = *as_of,
       group = path_group(ctx)](ledger::sqlite::connection& db) -> ledger::result<report> {
        if (auto found = existing_group(db, group); !found) return found.error();
        return ledger::trial_balance(db, group, as_of_day);
      },
      [as_of_day = *as_of](report_language language, const report& currencies) {
        return trial_balance_json(language, as_of_day, currencies);
      },
      trial_balance_csv);
  co_return co_await std::move(answering);
}

}  // namespace samaki::server
