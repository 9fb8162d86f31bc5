#pragma once
// GET .../reports/harvest?year=: a joint-task committee's income, costs and allocation per harvest and for
// the year. A harvest is what the committee sold and spent after its previous allocation up to and including
// the allocation that shared it out: each allocation dated in the year closes one harvest. What was sold or
// spent after the year's last allocation, up to 31 December, is the harvest still open (no allocation yet).
// The year's figures are the income and costs dated in the year and the allocations made in it.
#include "ledger/reports/income_statement.hpp"
#include "ledger/store/allocation_records.hpp"
#include "ledger/store/trade_records.hpp"

#include <optional>
#include <vector>

namespace samaki::ledger {

struct crop_sales {
  std::string crop;
  iso_currency currency;
  quantity kg;
  money amount;
};

struct harvest_period {
  std::optional<calendar_date> from;  // none: from the committee's first day in Samaki
  calendar_date to;
  std::optional<allocation_record> allocation;  // none for the harvest still open
  std::vector<crop_sales> sales;                // by crop, from harvest_sale
  income_statement results;
};

struct harvest_report {
  int year = 0;
  group_info group;
  std::vector<harvest_period> harvests;    // oldest first, the open one last
  std::vector<crop_sales> sales;           // the year's
  income_statement results;                // the year's
  money village_fund, reinvest, members;   // the year's allocations
  std::vector<member_info> members_named;  // for names
};

// wrong_group_kind for a group that is not a joint-task committee.
result<harvest_report> read_harvest_report(sqlite::connection& db, group_id group, int year);

}  // namespace samaki::ledger
