#pragma once
// What trades and work moved besides money, kept for reports: the item or crop of a purchase or sale, how
// much, in what unit, with whom; and the days members worked on a joint-task committee's labour. Reads
// count only rows of operations still in force (not reversed).
#include "ledger/date.hpp"
#include "ledger/decimal.hpp"
#include "ledger/ids.hpp"
#include "ledger/store/sqlite.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

class write_context;

struct trade_record {
  operation_id operation;
  calendar_date date;
  std::string type;  // the operation type: input_purchase, produce_sale, harvest_sale, ...
  std::optional<member_id> member;
  std::string party;  // the supplier or buyer, when no member
  std::string item;   // the item or crop
  quantity amount_of;
  std::string unit;  // "kg" for produce
  money amount;      // in the currency of the trade
};

void insert_trade(write_context& ctx, group_id group, const trade_record& trade);
// Trades dated from `from` to `to` (inclusive), oldest first.
std::vector<trade_record> load_trades(sqlite::connection& db, group_id group, calendar_date from,
                                      calendar_date to);
// One member's trades with the group (what they sold to it and bought from it), oldest first.
std::vector<trade_record> load_member_trades(sqlite::connection& db, group_id group, member_id member,
                                             calendar_date from, calendar_date to);

void insert_work_days(write_context& ctx, operation_id operation, member_id member, std::int64_t days);
// Days worked per member id on operations dated from `from` to `to` (inclusive).
std::map<std::int64_t, std::int64_t> work_days_between(sqlite::connection& db, group_id group,
                                                       calendar_date from, calendar_date to);

}  // namespace samaki::ledger
