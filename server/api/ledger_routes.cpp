#include "server/api/ledger_routes.hpp"

namespace samaki::server {

void add_ledger_routes(service& service) {
  add_group_routes(service);
  add_member_routes(service);
  add_account_routes(service);
  add_entry_routes(service);
  add_period_routes(service);
  add_report_routes(service);
  add_integrity_routes(service);
  add_operation_routes(service);
  add_export_routes(service);
  add_cycle_routes(service);
  add_loan_routes(service);
  add_savings_report_routes(service);
  add_bylaws_routes(service);
  add_coop_report_routes(service);
  add_harvest_report_routes(service);
  add_member_trades_routes(service);
  add_dashboard_routes(service);
  add_member_harvest_routes(service);
  add_allocation_surplus_routes(service);
}

}  // namespace samaki::server
