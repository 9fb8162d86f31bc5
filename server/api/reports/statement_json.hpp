#pragma once
// The balance sheet and the income statement as JSON, shared by their own reports and by the reports that
// hold them (a cooperative's annual report, a committee's harvest report).
#include "ledger/reports/balance_sheet.hpp"
#include "ledger/reports/income_statement.hpp"
#include "server/api/reports/report_options.hpp"

#include <boost/json/object.hpp>

namespace samaki::server {

boost::json::object balance_sheet_json(report_language language, const ledger::balance_sheet& sheet,
                                       bool with_members);
boost::json::object income_statement_json(report_language language, const ledger::income_statement& s);

}  // namespace samaki::server
