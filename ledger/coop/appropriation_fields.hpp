#pragma once
// An appropriation sheet as operation fields: what the year_end operation answers beside its entries and
// what GET .../reports/appropriation shows, in one shape:
// {"year", "currency", "surplus", "dividend_percent", "bylaws": {...}, "reserve", "education", "dividends",
//  "patronage_pool", "refunds", "total", "left_over", "total_business",
//  "members": [{"member_id", "share_capital", "dividend", "business", "refund", "refund_cash",
//               "refund_retained"}]}
#include "ledger/coop/appropriation.hpp"
#include "ledger/operations/fields.hpp"

namespace samaki::ledger {

field_map bylaws_fields_of(const bylaws& rules);
field_map appropriation_fields(const appropriation_sheet& sheet);

}  // namespace samaki::ledger
