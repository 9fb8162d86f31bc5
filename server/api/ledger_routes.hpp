#pragma once
// The ledger's /api/v1 endpoints (api.md: groups, members, accounts, journal, periods, trial balance,
// verify, audit; export; operations.md: operations), one add_* per file of handlers; add_ledger_routes adds
// them all.
namespace samaki::server {

struct app;

void add_ledger_routes(app& service);

void add_group_routes(app& service);      // groups.cpp
void add_member_routes(app& service);     // members.cpp
void add_account_routes(app& service);    // accounts.cpp
void add_entry_routes(app& service);      // entries.cpp
void add_period_routes(app& service);     // periods.cpp
void add_report_routes(app& service);     // reports.cpp
void add_integrity_routes(app& service);  // integrity.cpp
void add_operation_routes(app& service);  // operations/operation_routes.cpp
void add_export_routes(app& service);     // export.cpp

}  // namespace samaki::server
