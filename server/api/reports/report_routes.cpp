#include "server/api/reports/report_routes.hpp"

#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"

#include <string>

namespace samaki::server {

void add_report_routes(service& service) {
  // The group's summary reports: members may read them too (api.md, roles).
  const auto summary = access::in_group(role_set::all());
  // The books line by line and every member's money: the group's book readers only.
  const auto books = access::in_group(book_readers);
  const std::string reports = "/api/v1/groups/{gid}/reports/";
  service.routes.add(http::verb::get, reports + "trial-balance", summary, trial_balance_report);
  service.routes.add(http::verb::get, reports + "balance-sheet", summary, balance_sheet_report);
  service.routes.add(http::verb::get, reports + "income-statement", summary, income_statement_report);
  service.routes.add(http::verb::get, reports + "trends", summary, trends_report);
  service.routes.add(http::verb::get, reports + "cash-book", books, cash_book_report);
  service.routes.add(http::verb::get, reports + "general-ledger", books, general_ledger_report);
  service.routes.add(http::verb::get, reports + "member-balances", books, member_balances_report);
}

}  // namespace samaki::server
