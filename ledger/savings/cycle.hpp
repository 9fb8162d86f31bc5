#pragma once
// A savings group's cycle (8-12 months from one share-out to the next) and its dated settings: a change
// applies from its date, and what was recorded earlier keeps the rules it was recorded under.
#include "ledger/date.hpp"
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/ids.hpp"
#include "ledger/money.hpp"
#include "ledger/operations/fields.hpp"
#include "ledger/savings/loans.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::ledger {

enum class meeting_interval { week, two_weeks, month };
std::string_view meeting_interval_name(meeting_interval interval);
std::optional<meeting_interval> parse_meeting_interval(std::string_view text);
// The days between meetings (a month counts 31, so a group meeting monthly is not late on the 30th).
std::int32_t meeting_interval_days(meeting_interval interval);

struct fine_type {
  std::string code;
  std::string name;
  std::string name_km;
  money amount;
};

struct cycle_settings {
  calendar_date effective_from;
  money share_value;
  int min_shares = 1;
  int max_shares = 5;
  int loan_multiple = 3;
  monthly_rate interest{20000};
  interest_method method = interest_method::flat;
  money social_fund_per_meeting;
  money cash_unit;
  meeting_interval meeting_every = meeting_interval::week;
  std::vector<fine_type> fines;

  const fine_type* fine(std::string_view code) const;
};

struct cycle_info {
  cycle_id id;
  group_id group;
  operation_id operation;  // the operation that started it
  calendar_date start;
  std::optional<calendar_date> closed_on;  // the share-out's date
  std::vector<cycle_settings> settings;    // by effective_from, the first on `start`
  std::string created_by;
  std::string created_at;

  bool open() const { return !closed_on; }
  // The settings in force on a day (the latest that took effect on or before it).
  const cycle_settings& settings_on(calendar_date day) const;
};

// The settings fields of POST .../cycles and of a settings change (the cycle_start and cycle_settings
// operations): share_value, min_shares, max_shares, loan_multiple, interest, social_fund_per_meeting,
// cash_unit, meeting_every, fines; a new cycle needs share_value.
std::vector<field_spec> cycle_settings_fields(bool for_new_cycle);

// The settings a request describes, on top of `base` (the defaults for a new cycle, or the settings in force
// for a change); every value checked (shares 0..100 with min <= max, loan multiple 0..20, interest 0-100 %,
// amounts positive and in the group's currency, fine codes a-z0-9_-).
result<cycle_settings> read_cycle_settings(const field_reader& fields, cycle_settings base);

// The settings of a new cycle before the request: shares 1-5, loan multiple 3, 2 % a month flat, no social
// fund, weekly, the cash unit of product.md (100 riel; $1 for dollars; the currency's own otherwise).
cycle_settings default_cycle_settings(const group_info& group, calendar_date start);

}  // namespace samaki::ledger
