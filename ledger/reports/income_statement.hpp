#pragma once
// The income statement: per currency, what each income and expense account moved in a period (not its
// balance), their totals and the net result. The entries that closed a year or cycle into the surplus
// account are left out, so a closed year still shows what it earned and spent.
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/reports/group_books.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>
#include <vector>

namespace samaki::ledger {

struct result_row {
  account_info account;
  money amount;  // the period's movement in the natural sign: income earned, expense spent
};

struct income_statement_currency {
  iso_currency currency;
  std::vector<result_row> income, expenses;  // accounts that moved, by code
  money total_income, total_expenses;
  money net_result;  // total income less total expenses
};

struct income_statement {
  std::optional<calendar_date> from, to;
  std::vector<income_statement_currency> currencies;  // by code; the group's base currency always
};

// From movements already read (movements(..., without_closing = true)).
income_statement build_income_statement(const group_books& books, const account_nets& moved,
                                        const std::optional<calendar_date>& from,
                                        const std::optional<calendar_date>& to);

// Entries dated from `from` to `to` (inclusive; open ends when absent), in one read snapshot.
result<income_statement> read_income_statement(sqlite::connection& db, group_id group,
                                               const std::optional<calendar_date>& from,
                                               const std::optional<calendar_date>& to);

}  // namespace samaki::ledger
