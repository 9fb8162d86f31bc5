#pragma once
// The share-out of product.md: the fund F (3010 + 3020 + 3040, plus income minus expenses not yet closed;
// never the social fund 3030) is cut into whole cash units T = floor(F / U), shared by each member's shares
// (their 3010 balance) with the largest-remainder rule, ties to the lower member id; the residual stays on
// 3040.
#include "ledger/groups/group.hpp"
#include "ledger/money.hpp"
#include "ledger/store/book_reads.hpp"

#include <vector>

namespace samaki::ledger {

struct share_out_row {
  member_id member;
  money weight;  // the member's shares, as money
  money payout;
};

struct share_out_sheet {
  calendar_date as_of;
  iso_currency currency;
  money fund;
  money cash_unit;
  money total_weight;
  std::vector<share_out_row> members;  // every member with shares, by member id
  money residual;
};

// From the group's accounts and their balances as of the day.
share_out_sheet compute_share_out(const std::vector<account_info>& accounts, const raw_balances& balances,
                                  const money& cash_unit, calendar_date as_of);

}  // namespace samaki::ledger
