#include "ledger/chart.hpp"

#include <array>

namespace samaki::ledger {

std::string_view kind_name(group_kind kind) {
  switch (kind) {
    case group_kind::savings_group: return "savings_group";
    case group_kind::agri_cooperative: return "agri_cooperative";
    case group_kind::joint_task: return "joint_task";
  }
  return "savings_group";
}

std::optional<group_kind> parse_kind(std::string_view text) {
  for (auto kind : {group_kind::savings_group, group_kind::agri_cooperative, group_kind::joint_task}) {
    if (kind_name(kind) == text) return kind;
  }
  return std::nullopt;
}

std::string_view type_name(account_type type) {
  switch (type) {
    case account_type::asset: return "asset";
    case account_type::liability: return "liability";
    case account_type::equity: return "equity";
    case account_type::income: return "income";
    case account_type::expense: return "expense";
  }
  return "asset";
}

std::optional<account_type> parse_type(std::string_view text) {
  for (auto type : {account_type::asset, account_type::liability, account_type::equity, account_type::income,
                    account_type::expense}) {
    if (type_name(type) == text) return type;
  }
  return std::nullopt;
}

bool debit_normal(account_type type) {
  return type == account_type::asset || type == account_type::expense;
}

std::string_view surplus_account(group_kind kind) {
  return kind == group_kind::savings_group ? "3020" : "3060";
}

namespace {

using enum account_type;

constexpr bool member = true;  // a member ledger [m]: every line names a member
constexpr bool general = false;
constexpr std::string_view base = "";  // the group's base currency
constexpr std::string_view usd = "USD";

// ---------------------------------------------------------------------------------------------------
// THE STANDARD CHARTS OF ACCOUNTS (design/charts.md), WITH EVERY ENGLISH AND KHMER ACCOUNT NAME.
// All account names live here and nowhere else, so that a Khmer reader can review and correct the
// whole vocabulary in one place. Codes, types, member-ledger flags and currencies are the public
// contract of charts.md and must not change; the Khmer names may be improved freely.
// Conventions used in the Khmer names:
//   សាច់ប្រាក់ cash; ប្រាក់នៅធនាគារ cash at bank; គណនីត្រូវទទួល receivable; គណនីត្រូវសង payable (trade);
//   ... ត្រូវបង់ an amount to be paid out to members; ភាគហ៊ុន shares; ដើមទុនភាគហ៊ុន share capital;
//   ប្រាក់ចំណេញ surplus (what treasurers say, khmer.md); ទុនបម្រុង reserve; មូលនិធិ fund; សារពើភ័ណ្ឌ stock/inventory;
//   ធាតុចូលកសិកម្ម farm inputs; កសិផល produce; ផលដំណាំ crops and harvest; ស្ដុក stock (coeng-DA, as Chuon Nath spells
//   it); រំលស់ depreciation; ការប្រាក់ interest; ជំនួយឥតសំណង grants; ចំណូល income; ចំណាយ expense; (ដុល្លារ) marks the
//   US-dollar accounts.
// ---------------------------------------------------------------------------------------------------

// Savings group (VSLA / self-help group).
constexpr std::array savings_group_chart{
    account_template{"1010", asset, "Cash box — loan fund", "ប្រអប់ប្រាក់ — មូលនិធិប្រាក់កម្ចី", general, base},
    account_template{"1020", asset, "Cash box — social fund", "ប្រអប់ប្រាក់ — មូលនិធិសង្គមកិច្ច", general, base},
    account_template{"1030", asset, "Bank or mobile money", "ប្រាក់នៅធនាគារ ឬកាបូបអេឡិចត្រូនិក", general, base},
    account_template{"1100", asset, "Loans to members", "ប្រាក់កម្ចីដល់សមាជិក", member, base},
    account_template{"2010", liability, "External loans", "ប្រាក់ខ្ចីពីស្ថាប័នខាងក្រៅ", general, base},
    account_template{"2020", liability, "Share-out payable", "ប្រាក់បែងចែកចុងវដ្តត្រូវបង់", member, base},
    account_template{"3010", equity, "Member shares", "ភាគហ៊ុនសមាជិក", member, base},
    account_template{"3020", equity, "Undistributed surplus", "ប្រាក់ចំណេញមិនទាន់បែងចែក", general, base},
    account_template{"3030", equity, "Social fund", "មូលនិធិសង្គមកិច្ច", general, base},
    account_template{"3040", equity, "Share-out carry-forward", "ប្រាក់សល់ពីការបែងចែក ផ្ទេរទៅវដ្តបន្ទាប់", general,
                     base},
    account_template{"4010", income, "Loan interest (service charges)", "ការប្រាក់ពីប្រាក់កម្ចី", general, base},
    account_template{"4020", income, "Fines", "ប្រាក់ពិន័យ", general, base},
    account_template{"4030", income, "Other income", "ចំណូលផ្សេងៗ", general, base},
    account_template{"5010", expense, "Supplies and stationery", "សម្ភារៈប្រើប្រាស់ និងសម្ភារៈសរសេរ", general,
                     base},
    account_template{"5020", expense, "Loan write-offs", "ការលុបចោលប្រាក់កម្ចី", general, base},
    account_template{"5030", expense, "Bank charges", "កម្រៃសេវាធនាគារ", general, base},
};

// Agriculture cooperative.
constexpr std::array agri_cooperative_chart{
    account_template{"1010", asset, "Cash", "សាច់ប្រាក់", general, base},
    account_template{"1011", asset, "Cash (USD)", "សាច់ប្រាក់ (ដុល្លារ)", general, usd},
    account_template{"1020", asset, "Bank", "ប្រាក់នៅធនាគារ", general, base},
    account_template{"1021", asset, "Bank (USD)", "ប្រាក់នៅធនាគារ (ដុល្លារ)", general, usd},
    account_template{"1100", asset, "Loans to members", "ប្រាក់កម្ចីដល់សមាជិក", member, base},
    account_template{"1110", asset, "Member receivables", "គណនីត្រូវទទួលពីសមាជិក", member, base},
    account_template{"1120", asset, "Buyer receivables", "គណនីត្រូវទទួលពីអ្នកទិញ", general, base},
    account_template{"1200", asset, "Input stock", "សារពើភ័ណ្ឌធាតុចូលកសិកម្ម", general, base},
    account_template{"1210", asset, "Produce stock", "សារពើភ័ណ្ឌកសិផល", general, base},
    account_template{"1300", asset, "Fixed assets", "ទ្រព្យសកម្មថេរ", general, base},
    account_template{"1310", asset, "Accumulated depreciation", "រំលស់បង្គរ", general, base},
    account_template{"2010", liability, "Supplier payables", "គណនីត្រូវសងអ្នកផ្គត់ផ្គង់", general, base},
    account_template{"2020", liability, "Payables to members for produce", "ថ្លៃកសិផលត្រូវបង់ឱ្យសមាជិក", member,
                     base},
    account_template{"2030", liability, "Member savings deposits", "ប្រាក់បញ្ញើសន្សំរបស់សមាជិក", member, base},
    account_template{"2040", liability, "Borrowings", "ប្រាក់ខ្ចីត្រូវសង", general, base},
    account_template{"2050", liability, "Patronage refunds payable", "ប្រាក់បង្វិលជូនតាមប្រតិបត្តិការត្រូវបង់", member,
                     base},
    account_template{"2060", liability, "Dividends payable", "ភាគលាភត្រូវបង់", member, base},
    account_template{"3010", equity, "Share capital", "ដើមទុនភាគហ៊ុន", member, base},
    account_template{"3020", equity, "Entry fees", "ថ្លៃចូលជាសមាជិក", general, base},
    account_template{"3030", equity, "Statutory reserve", "ទុនបម្រុងតាមច្បាប់", general, base},
    account_template{"3040", equity, "Education and social fund", "មូលនិធិអប់រំ និងសង្គមកិច្ច", general, base},
    account_template{"3050", equity, "Retained patronage refunds", "ប្រាក់បង្វិលជូនតាមប្រតិបត្តិការរក្សាទុក", member,
                     base},
    account_template{"3060", equity, "Unallocated surplus", "ប្រាក់ចំណេញមិនទាន់បែងចែក", general, base},
    account_template{"3900", equity, "Currency exchange position", "គណនីប្ដូររូបិយប័ណ្ណ", general, base},
    account_template{"3901", equity, "Currency exchange position (USD)", "គណនីប្ដូររូបិយប័ណ្ណ (ដុល្លារ)", general,
                     usd},
    account_template{"4010", income, "Input sales", "ការលក់ធាតុចូលកសិកម្ម", general, base},
    account_template{"4020", income, "Produce sales", "ការលក់កសិផល", general, base},
    account_template{"4030", income, "Service fees", "កម្រៃសេវា", general, base},
    account_template{"4040", income, "Loan interest", "ចំណូលការប្រាក់ពីប្រាក់កម្ចី", general, base},
    account_template{"4050", income, "Other income", "ចំណូលផ្សេងៗ", general, base},
    account_template{"4060", income, "Grants", "ជំនួយឥតសំណង", general, base},
    account_template{"5010", expense, "Cost of inputs sold", "ថ្លៃដើមធាតុចូលកសិកម្មដែលបានលក់", general, base},
    account_template{"5020", expense, "Produce purchased from members", "ការទិញកសិផលពីសមាជិក", general, base},
    account_template{"5030", expense, "Committee allowances", "ប្រាក់ឧបត្ថម្ភគណៈកម្មការ", general, base},
    account_template{"5040", expense, "Transport and storage", "ថ្លៃដឹកជញ្ជូន និងថ្លៃស្ដុកទុក", general, base},
    account_template{"5050", expense, "Depreciation", "ចំណាយរំលស់", general, base},
    account_template{"5060", expense, "Interest", "ចំណាយការប្រាក់", general, base},
    account_template{"5070", expense, "Bad debts", "បំណុលទារមិនបាន", general, base},
    account_template{"5080", expense, "Other expenses", "ចំណាយផ្សេងៗ", general, base},
};

// Joint-task committee (a village's collective enterprise).
constexpr std::array joint_task_chart{
    account_template{"1010", asset, "Cash", "សាច់ប្រាក់", general, base},
    account_template{"1011", asset, "Cash (USD)", "សាច់ប្រាក់ (ដុល្លារ)", general, usd},
    account_template{"1020", asset, "Bank", "ប្រាក់នៅធនាគារ", general, base},
    account_template{"1200", asset, "Harvest stock", "ស្ដុកផលដំណាំ", general, base},
    account_template{"2010", liability, "Payables", "គណនីត្រូវសង", general, base},
    account_template{"2020", liability, "Distributions payable", "ប្រាក់បែងចែកត្រូវបង់ឱ្យសមាជិក", member, base},
    account_template{"3010", equity, "Village development fund", "មូលនិធិអភិវឌ្ឍភូមិ", general, base},
    account_template{"3020", equity, "Reinvestment reserve", "ទុនបម្រុងសម្រាប់វិនិយោគឡើងវិញ", general, base},
    account_template{"3060", equity, "Undistributed surplus", "ប្រាក់ចំណេញមិនទាន់បែងចែក", general, base},
    account_template{"3900", equity, "Currency exchange position", "គណនីប្ដូររូបិយប័ណ្ណ", general, base},
    account_template{"3901", equity, "Currency exchange position (USD)", "គណនីប្ដូររូបិយប័ណ្ណ (ដុល្លារ)", general,
                     usd},
    account_template{"4010", income, "Harvest sales", "ការលក់ផលដំណាំ", general, base},
    account_template{"4050", income, "Other income", "ចំណូលផ្សេងៗ", general, base},
    account_template{"4060", income, "Grants", "ជំនួយឥតសំណង", general, base},
    account_template{"5010", expense, "Labour", "ថ្លៃពលកម្ម", general, base},
    account_template{"5020", expense, "Inputs (seedlings, fertiliser)", "ធាតុចូល (កូនពូជ និងជី)", general, base},
    account_template{"5030", expense, "Equipment and maintenance", "ឧបករណ៍ និងការថែទាំ", general, base},
    account_template{"5080", expense, "Other expenses", "ចំណាយផ្សេងៗ", general, base},
};

// ---------------------------------------------------------------------------------------------------
// End of the account names.
// ---------------------------------------------------------------------------------------------------

}  // namespace

std::span<const account_template> chart_template(group_kind kind) {
  switch (kind) {
    case group_kind::savings_group: return savings_group_chart;
    case group_kind::agri_cooperative: return agri_cooperative_chart;
    case group_kind::joint_task: return joint_task_chart;
  }
  return {};
}

std::vector<account_definition> chart_for(group_kind kind, std::string_view base_currency) {
  std::vector<account_definition> accounts;
  auto rows = chart_template(kind);
  accounts.reserve(rows.size());
  for (const auto& row : rows) {
    // An account kept apart in the base currency (e.g. "Cash (USD)" in a USD group) would duplicate
    // its base-currency twin (1011 beside 1010): charts.md leaves it out.
    if (!row.currency.empty() && row.currency == base_currency) continue;
    accounts.push_back(account_definition{
        .code = std::string(row.code),
        .type = row.type,
        .name = std::string(row.name),
        .name_km = std::string(row.name_km),
        .member_ledger = row.member_ledger,
        .currency = std::string(row.currency.empty() ? base_currency : row.currency),
    });
  }
  return accounts;
}

}  // namespace samaki::ledger
