#pragma once
// The general reports under /api/v1/groups/{gid}/reports/, one file of handlers each; add_report_routes
// (ledger_routes.hpp) adds them all.
namespace samaki::server {

struct service;

void add_trial_balance_route(service& service);     // trial_balance.cpp
void add_balance_sheet_route(service& service);     // balance_sheet.cpp
void add_income_statement_route(service& service);  // income_statement.cpp
void add_cash_book_route(service& service);         // cash_book.cpp
void add_general_ledger_route(service& service);    // general_ledger.cpp
void add_member_balances_route(service& service);   // member_balances.cpp

}  // namespace samaki::server
