#pragma once
// Money changing currency inside one entry (charts.md): what is received is debited to its account and
// credited to the exchange account of its currency (3901 for dollars), and what is given is debited to the
// exchange account of its own currency (3900) and credited to its account, so the entry balances in each
// currency. The rate is kept in the entry's metadata and memo as the group's currency per unit of the other.
#include "ledger/decimal.hpp"
#include "ledger/operations/operation.hpp"

#include <string>
#include <vector>

namespace samaki::ledger {

// The group's equity account 39xx in `currency`, or unknown_account.
result<const account_info*> exchange_account_of(operation_context& ctx, iso_currency currency);

struct exchange_leg {
  const account_info* account;
  std::optional<member_id> member;  // attribution on that leg's line
  money amount;
};

// Lines moving `given` out of its account (credited) and `received` into its account (debited) through the
// exchange accounts; currency_mismatch when both are in one currency.
result<std::vector<draft_line>> exchange_lines(operation_context& ctx, const exchange_leg& given,
                                               const exchange_leg& received);

// The rate of the two amounts, one of them in the group's currency: {"rate": "4100", "rate_unit": "KHR per
// USD"} for the metadata, and "4100 KHR per USD" for the memo.
struct rate_note {
  std::vector<std::pair<std::string, std::string>> metadata;
  std::string text;
};
rate_note rate_of(iso_currency base, const money& a, const money& b);

}  // namespace samaki::ledger
