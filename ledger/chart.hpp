#pragma once
// The standard charts of accounts of charts.md, one per kind of group, in English and Khmer.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::ledger {

enum class group_kind { savings_group, agri_cooperative, joint_task };
enum class account_type { asset, liability, equity, income, expense };

std::string_view kind_name(group_kind kind);  // "savings_group"
std::optional<group_kind> parse_kind(std::string_view text);
std::string_view type_name(account_type type);  // "asset"
std::optional<account_type> parse_type(std::string_view text);
// Debit-normal types (asset, expense) show balances as debit minus credit; the others the reverse.
bool debit_normal(account_type type);

// Where a year's or cycle's income and expenses are closed: 3020 for savings groups, 3060 otherwise.
std::string_view surplus_account(group_kind kind);

// One account of a template. `currency` empty means the group's base currency.
struct account_template {
  std::string_view code;
  account_type type;
  std::string_view name;
  std::string_view name_km;
  bool member_ledger;
  std::string_view currency;
};

// The accounts a new group of `kind` with base currency `base_currency` gets: for a USD group the
// "(USD)" accounts are left out (charts.md); every currency is resolved (never empty).
struct account_definition {
  std::string code;
  account_type type;
  std::string name;
  std::string name_km;
  bool member_ledger;
  std::string currency;
};
std::vector<account_definition> chart_for(group_kind kind, std::string_view base_currency);

// The raw template table of a kind, as charts.md lists it.
std::span<const account_template> chart_template(group_kind kind);

}  // namespace samaki::ledger
