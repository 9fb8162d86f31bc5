#pragma once
// GET .../reports/annual?year=: a cooperative's annual report for its fiscal (calendar) year: the financial
// position on 31 December, the income statement of the year (closing entries left out), the appropriation
// (as made by year_end, or previewed with ?dividend_percent=, or why it cannot be made: a loss), the changes
// in equity (each equity account, and each member on member ledgers: at 1 January, the change, at 31
// December) and the patronage per member (their business and refund, from the appropriation).
#include "ledger/reports/balance_sheet.hpp"
#include "ledger/reports/coop/appropriation_report.hpp"
#include "ledger/reports/income_statement.hpp"

#include <optional>
#include <vector>

namespace samaki::ledger {

struct equity_change {
  account_info account;
  std::optional<member_id> member;  // on member ledgers (3010, 3050), one row per member
  money opening, change, closing;
};

struct annual_report {
  int year = 0;
  group_info group;
  bool closed = false;  // a period closes 31 December of the year
  balance_sheet position;
  income_statement results;
  std::optional<appropriation_report> appropriation;
  std::optional<error> appropriation_refused;  // why the preview cannot be made
  std::vector<equity_change> equity;
  std::vector<member_info> members;  // for names
};

result<annual_report> read_annual_report(sqlite::connection& db, group_id group, int year, percent dividend);

}  // namespace samaki::ledger
