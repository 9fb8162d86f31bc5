#pragma once
// The ledger's /api/v1 endpoints (api.md: groups, members, accounts, journal, periods, reports,
// verify, audit; export; operations.md: operations), one add_* per file of handlers; add_ledger_routes adds
// them all.
namespace samaki::server {

struct service;

void add_ledger_routes(service& service);

void add_group_routes(service& service);               // groups.cpp
void add_member_routes(service& service);              // members.cpp
void add_account_routes(service& service);             // accounts.cpp
void add_entry_routes(service& service);               // entries.cpp
void add_period_routes(service& service);              // periods.cpp
void add_report_routes(service& service);              // reports/report_routes.cpp
void add_integrity_routes(service& service);           // integrity.cpp
void add_operation_routes(service& service);           // operations/operation_routes.cpp
void add_export_routes(service& service);              // export.cpp
void add_cycle_routes(service& service);               // savings/cycle_routes.cpp
void add_loan_routes(service& service);                // savings/loan_routes.cpp
void add_savings_report_routes(service& service);      // savings/savings_report_routes.cpp
void add_bylaws_routes(service& service);              // coop/bylaws_routes.cpp
void add_coop_report_routes(service& service);         // coop/coop_report_routes.cpp
void add_harvest_report_routes(service& service);      // joint_task/harvest_report_routes.cpp
void add_member_trades_routes(service& service);       // coop/member_trades_routes.cpp
void add_member_harvest_routes(service& service);      // joint_task/member_harvest_routes.cpp
void add_allocation_surplus_routes(service& service);  // joint_task/allocation_surplus_routes.cpp
void add_dashboard_routes(service& service);           // staff/dashboard_routes.cpp

}  // namespace samaki::server
