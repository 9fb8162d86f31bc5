#pragma once
// A cooperative's by-laws as dated settings (operations.md, "Agriculture cooperatives"): the shares of the
// year's surplus that go to the statutory reserve, the education and social fund and the patronage refund,
// the cap on the dividend on share capital, how much of a refund is paid in cash, and the cash unit refunds
// are counted in. Each version is set by a `bylaws` operation (PUT .../bylaws) and applies from its date.
#include "ledger/date.hpp"
#include "ledger/decimal.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/ids.hpp"
#include "ledger/operations/fields.hpp"

#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

struct bylaws {
  calendar_date effective_from;
  percent reserve, education, dividend_cap, patronage, patronage_cash;
  money cash_unit;                        // minor units of the group's currency
  std::optional<operation_id> operation;  // none for the defaults of a cooperative that set none
  std::string created_by, created_at;
};

// Before any by-laws are set: nothing appropriated, no dividend allowed, the group's cash unit.
bylaws default_bylaws(const group_info& group);

// The fields of PUT .../bylaws besides effective_from: every one optional, keeping the value in force.
std::vector<field_spec> bylaws_fields();
// `base` changed by the fields given; the reserve, education and patronage shares together at most 100 %.
result<bylaws> read_bylaws(const field_reader& f, bylaws base);

// The version in force on `day` (history oldest first), or the defaults.
bylaws bylaws_on(const std::vector<bylaws>& history, const group_info& group, calendar_date day);

}  // namespace samaki::ledger
