#pragma once
// What purchases and sales of goods share (a cooperative's inputs and produce, a committee's harvest): the
// item and the party named, the quantity, the trade kept beside its entry for reports, and the sale of
// produce by weight, possibly in another currency.
#include "ledger/decimal.hpp"
#include "ledger/operations/operation.hpp"
#include "ledger/store/trade_records.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace samaki::ledger {

// A quantity given as decimal text ("1250", "12.5"), or bad_request naming the field.
result<quantity> quantity_field(const field_reader& f, std::string_view name);
// A name (an item, a crop, a supplier, a buyer): 1-200 characters, or bad_request naming the field.
result<std::string> name_field(const field_reader& f, std::string_view name);

// A trade of this operation type (its operation and date are filled in when it is kept).
trade_record trade_of(std::string type, std::optional<member_id> member, std::string party, std::string item,
                      quantity amount_of, std::string unit, money amount);

// Posts the entries, then keeps the trade under this operation and its date.
apply_step post_trade(std::vector<draft_entry> entries, trade_record trade);

// {"crop", "quantity_kg", "price_per_kg", "buyer", "currency"?, "rate"?, "via"?, "on_credit"?}: the
// amount is quantity × price, rounded half up, in `currency` (the group's when left out) and received in a
// cash account of that currency (`via`), or on credit in `receivable` (only where one is given, and only
// in the group's currency). Cr `income` in the group's currency: a sale in another currency is booked at
// `rate` (the group's currency per unit of it) through the exchange accounts, one entry balanced in each.
result<apply_step> plan_weighed_sale(operation_context& ctx, const field_reader& f, std::string_view income,
                                     std::string_view receivable);
std::vector<field_spec> weighed_sale_fields(bool with_credit);

}  // namespace samaki::ledger
