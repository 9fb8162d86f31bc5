#pragma once
// The general reports under /api/v1/groups/{gid}/reports/, one file of handlers each; add_report_routes
// (ledger_routes.hpp, in report_routes.cpp) adds them with who may read each.
#include "server/http/http_types.hpp"
#include "server/http/request_context.hpp"

namespace samaki::server {

awaitable<http_response> trial_balance_report(request_context& ctx);     // trial_balance.cpp
awaitable<http_response> balance_sheet_report(request_context& ctx);     // balance_sheet.cpp
awaitable<http_response> income_statement_report(request_context& ctx);  // income_statement.cpp
awaitable<http_response> cash_book_report(request_context& ctx);         // cash_book.cpp
awaitable<http_response> general_ledger_report(request_context& ctx);    // general_ledger.cpp
awaitable<http_response> member_balances_report(request_context& ctx);   // member_balances.cpp
awaitable<http_response> trends_report(request_context& ctx);            // trends.cpp

}  // namespace samaki::server
