#include "server/api/reports/report_routes.hpp"

#include "server/api/ledger_routes.hpp"

namespace samaki::server {

void add_report_routes(service& service) {
  add_trial_balance_route(service);
  add_balance_sheet_route(service);
  add_income_statement_route(service);
  add_cash_book_route(service);
  add_general_ledger_route(service);
  add_member_balances_route(service);
}

}  // namespace samaki::server
