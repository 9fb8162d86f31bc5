// GET /api/v1/groups/{gid}/reports/member-balances?as_of=[&format=csv][&lang=km]
#include "ledger/reports/member_balances.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/reports/report_options.hpp"
#include "server/api/reports/report_routes.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

boost::json::object member_balances_json(report_language language,
                                         const ledger::member_balances_report& report) {
  boost::json::array accounts;
  for (const auto& c : report.columns) {
    auto account = account_ref_json(language, c.account);
    account["total"] = c.total.amount_text();
    accounts.push_back(std::move(account));
  }
  boost::json::array members;
  for (const auto& row : report.rows) {
    boost::json::array balances;
    for (std::size_t i = 0; i < report.columns.size(); ++i) {
      balances.push_back({{"code", report.columns[i].account.code},
                          {"currency", row.balances[i].currency_code()},
                          {"balance", row.balances[i].amount_text()}});
    }
    auto member = member_ref_json(language, row.member);
    member["left_on"] = date_json(row.member.left_on);
    member["balances"] = std::move(balances);
    members.push_back(std::move(member));
  }
  return {
      {"as_of", date_json(report.as_of)}, {"accounts", std::move(accounts)}, {"members", std::move(members)}};
}

// For spreadsheets: one row per member, one column per member-ledger account ("3010 KHR"); the totals are
// left to the sheet.
std::string member_balances_csv(report_language language, const ledger::member_balances_report& report) {
  csv_writer csv;
  std::vector<csv_cell> header = {"member_id", "name"};
  for (const auto& c : report.columns)
    header.emplace_back(c.account.code + " " + std::string(c.account.currency.code()));
  csv.row(header);
  for (const auto& row : report.rows) {
    std::vector<csv_cell> cells = {csv_cell::number(std::to_string(row.member.id.value)),
                                   localized(language, row.member.name, row.member.name_km)};
    for (const auto& balance : row.balances) cells.push_back(csv_cell::number(balance.amount_text()));
    csv.row(cells);
  }
  return csv.take();
}

}  // namespace

awaitable<http_response> member_balances_report(request_context& ctx) {
  auto as_of = query_date(ctx, "as_of");
  if (!as_of) co_return error_response(as_of.error());
  auto answering = answer_report<ledger::member_balances_report>(
      ctx, "member-balances", *as_of,
      [as_of_day = *as_of, group = path_group(ctx)](ledger::sqlite::connection& db) {
        return ledger::read_member_balances(db, group, as_of_day);
      },
      member_balances_json, member_balances_csv);
  co_return co_await std::move(answering);
}

}  // namespace samaki::server
