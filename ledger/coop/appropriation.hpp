#pragma once
// A cooperative's year-end appropriation of its surplus (operations.md, "year_end"), as pure arithmetic:
//   reserve   = S × reserve %    (→ 3030)      education = S × education % (→ 3040)
//   dividend  = each member's share capital at year end × dividend %, refused above the by-laws' cap (→
//   2060[m]) patronage = S × patronage %, split over the members by their business with the cooperative in
//   the year
//               (inputs bought from it plus produce sold to it) by the largest-remainder rule of product.md
//               in whole cash units; of each refund, patronage_cash % rounded down to a cash unit is paid (→
//               2050[m]) and the rest retained (→ 3050[m]).
// Every product rounds down to the minor unit; what is left stays on 3060. A loss, or more than S in total,
// is refused (insufficient_funds). Exact and order-free: 128-bit products, ties to the lower member id.
#include "ledger/coop/bylaws.hpp"
#include "ledger/error.hpp"

#include <cstdint>
#include <map>
#include <vector>

namespace samaki::ledger {

// What the books say of a year: its surplus S (income less expenses through 31 December, before closing),
// and per member their share capital on 31 December and their business in the year, in minor units.
struct year_figures {
  int year = 0;
  money surplus;
  std::map<std::int64_t, std::int64_t> share_capital;  // by member id, 3010[m] credit balance
  std::map<std::int64_t, std::int64_t> business;       // by member id, inputs bought + produce sold
};

struct appropriation_member {
  member_id member;
  money share_capital, dividend, business, refund, refund_cash, refund_retained;
};

struct appropriation_sheet {
  int year = 0;
  percent dividend_percent;
  bylaws rules;
  money surplus, reserve, education, dividends, patronage_pool, refunds, total, left_over;
  money total_business;
  std::vector<appropriation_member> members;  // every member with share capital or business, by id
};

// The sheet, or limit_exceeded (dividend above the cap) or insufficient_funds (a loss, or more than S).
result<appropriation_sheet> appropriate(const year_figures& year, const bylaws& rules, percent dividend);

}  // namespace samaki::ledger
