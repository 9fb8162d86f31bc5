#pragma once
// Groups, their members and accounts, and closed periods: the plain data around the journal.
#include "ledger/chart.hpp"
#include "ledger/date.hpp"
#include "ledger/ids.hpp"
#include "ledger/money.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace samaki::ledger {

struct group_info {
  group_id id;
  std::string name;
  std::string name_km;
  group_kind kind = group_kind::savings_group;
  iso_currency currency;
  std::int64_t cash_unit = 0;  // minor units
  std::string province, district, commune, village;
  std::string created_at;
};

struct new_group {
  std::string name;
  std::string name_km;
  group_kind kind = group_kind::savings_group;
  std::string currency;
  std::optional<std::int64_t> cash_unit;  // default: the currency's
  std::string province, district, commune, village;
};

// A person's family and given names kept apart, in Latin letters and in Khmer; all empty when only a whole
// name was given (members added before they were kept). khmer.md: shown family name first in both scripts.
struct name_parts {
  std::string family, given, family_km, given_km;
};
// The whole names the parts make, family name first: "CHAN Sokha" (the family name in capitals, as
// Cambodian documents write it in Latin letters) and "ចាន់ សុខា"; "" when neither part is given.
std::string latin_whole_name(const name_parts& parts);
std::string khmer_whole_name(const name_parts& parts);

struct member_info {
  member_id id;
  group_id group;
  std::string name;
  std::string name_km;
  std::string phone;
  std::string gender;
  std::optional<calendar_date> joined_on;
  std::optional<calendar_date> left_on;  // set by a member_exit operation
  std::string created_at;
  name_parts parts{};
};

struct new_member {
  group_id group;
  std::string name;     // may be left empty when parts are given: made from them
  std::string name_km;  // the same
  std::string phone;
  std::string gender;
  std::optional<calendar_date> joined_on;
  name_parts parts{};
};

struct account_info {
  account_id id;
  group_id group;
  std::string code;
  account_type type = account_type::asset;
  std::string name;
  std::string name_km;
  iso_currency currency;
  bool member_ledger = false;
  std::optional<calendar_date> closed_on;  // nothing may be posted to it dated after this day
};

struct new_account {
  group_id group;
  std::string code;
  account_type type = account_type::asset;
  std::string name;
  std::string name_km;
  std::optional<std::string> currency;  // default: the group's
  bool member_ledger = false;
};

struct account_closing {
  group_id group;
  std::string code;
  std::optional<calendar_date> closed_on;  // default: today
  std::string author;
};

enum class period_kind { month, year, cycle };
std::string_view period_kind_name(period_kind kind);
std::optional<period_kind> parse_period_kind(std::string_view text);

struct period_close {
  group_id group;
  calendar_date through;  // nothing dated on or before it may be posted afterwards
  period_kind kind = period_kind::month;
  std::string author;
};

struct period_reopening {
  group_id group;
  period_id period;
  std::string reason;
  std::string author;
};

// A closed period and its seal: the chain head at closing, which the group writes into its minutes. A
// reopened close stays listed (its seal still checks the chain) but no longer stops postings.
struct period_info {
  period_id id;
  group_id group;
  calendar_date through;
  period_kind kind = period_kind::month;
  std::string closed_at;
  std::string closed_by;
  std::int64_t head_seq = 0;
  std::string head;                       // hex SHA-256 of the last entry at closing (zeros if none)
  std::string seal_code;                  // 12 characters derived from head
  std::optional<entry_id> closing_entry;  // the entry that closed income and expenses, if one was needed
  std::optional<std::string> reopened_at;
  std::string reopened_by;
  std::string reopen_reason;
};

}  // namespace samaki::ledger
