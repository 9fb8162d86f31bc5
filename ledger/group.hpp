#pragma once
// Groups, their members and accounts, and closed periods: the plain data around the journal.
#include "ledger/chart.hpp"
#include "ledger/ids.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace samaki::ledger {

struct group_info {
  group_id id;
  std::string name;
  std::string name_km;
  group_kind kind = group_kind::savings_group;
  std::string currency;
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

struct member_info {
  member_id id;
  group_id group;
  std::string name;
  std::string name_km;
  std::string phone;
  std::string gender;
  std::optional<std::string> joined_on;
  std::string created_at;
};

struct new_member {
  group_id group;
  std::string name;
  std::string name_km;
  std::string phone;
  std::string gender;
  std::optional<std::string> joined_on;
};

struct account_info {
  account_id id;
  group_id group;
  std::string code;
  account_type type = account_type::asset;
  std::string name;
  std::string name_km;
  std::string currency;
  bool member_ledger = false;
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

enum class period_kind { month, year, cycle };

struct period_close {
  group_id group;
  std::string through;  // YYYY-MM-DD: nothing dated on or before it may be posted afterwards
  period_kind kind = period_kind::month;
  std::string author;
};

// A closed period and its seal: the chain head at closing, which the group writes into its minutes.
struct period_info {
  group_id group;
  std::string through;
  period_kind kind = period_kind::month;
  std::string closed_at;
  std::string closed_by;
  std::int64_t head_seq = 0;
  std::string head;       // hex SHA-256 of the last entry at closing (zeros if none)
  std::string seal_code;  // 12 characters derived from head
};

}  // namespace samaki::ledger
