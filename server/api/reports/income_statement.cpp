// GET /api/v1/groups/{gid}/reports/income-statement?from=&to=[&format=csv][&lang=km]
#include "ledger/reports/income_statement.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/reports/report_options.hpp"
#include "server/api/reports/report_routes.hpp"
#include "server/api/reports/statement_json.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

boost::json::array rows_json(report_language language, const std::vector<ledger::result_row>& rows) {
  boost::json::array out;
  for (const auto& r : rows) {
    auto row = account_ref_json(language, r.account);
    row["amount"] = r.amount.amount_text();
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

boost::json::object income_statement_json(report_language language, const ledger::income_statement& s) {
  boost::json::array currencies;
  for (const auto& c : s.currencies) {
    currencies.push_back({{"currency", c.currency.code()},
                          {"income", rows_json(language, c.income)},
                          {"expenses", rows_json(language, c.expenses)},
                          {"total_income", c.total_income.amount_text()},
                          {"total_expenses", c.total_expenses.amount_text()},
                          {"net_result", c.net_result.amount_text()}});
  }
  return {{"from", date_json(s.from)}, {"to", date_json(s.to)}, {"currencies", std::move(currencies)}};
}

namespace {

// For spreadsheets: one row per account that moved, and the totals (kind "total").
std::string income_statement_csv(report_language language, const ledger::income_statement& s) {
  csv_writer csv;
  csv.row({"currency", "section", "kind", "code", "name", "amount"});
  for (const auto& c : s.currencies) {
    const std::string currency(c.currency.code());
    const auto amount = [](const ledger::money& m) { return csv_cell::number(m.amount_text()); };
    const auto section = [&](std::string_view name, const std::vector<ledger::result_row>& rows,
                             const ledger::money& total) {
      for (const auto& r : rows)
        csv.row({currency, name, "account", r.account.code,
                 localized(language, r.account.name, r.account.name_km), amount(r.amount)});
      csv.row({currency, name, "total", "", "", amount(total)});
    };
    section("income", c.income, c.total_income);
    section("expenses", c.expenses, c.total_expenses);
    csv.row({currency, "net_result", "total", "", "", amount(c.net_result)});
  }
  return csv.take();
}

}  // namespace

awaitable<http_response> income_statement_report(request_context& ctx) {
  auto period = read_report_period(ctx);
  if (!period) co_return error_response(period.error());
  auto answering = answer_report<ledger::income_statement>(
      ctx, "income-statement", period->to,
      [p = *period, group = path_group(ctx)](ledger::sqlite::connection& db) {
        return ledger::read_income_statement(db, group, p.from, p.to);
      },
      income_statement_json, income_statement_csv);
  co_return co_await std::move(answering);
}

}  // namespace samaki::server
