// The standard charts of accounts against design/charts.md.
#include "ledger/chart.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using namespace samaki::ledger;
using enum account_type;

constexpr group_kind all_kinds[] = {group_kind::savings_group, group_kind::agri_cooperative,
                                    group_kind::joint_task};

// One row of charts.md: code, type, English name, member ledger, template currency ("" = base).
struct expected_row {
  std::string_view code;
  account_type type;
  std::string_view name;
  bool member_ledger;
  std::string_view currency;
};

const std::vector<expected_row> savings_rows{
    {"1010", asset, "Cash box — loan fund", false, ""},
    {"1020", asset, "Cash box — social fund", false, ""},
    {"1030", asset, "Bank or mobile money", false, ""},
    {"1100", asset, "Loans to members", true, ""},
    {"2010", liability, "External loans", false, ""},
    {"2020", liability, "Share-out payable", true, ""},
    {"3010", equity, "Member shares", true, ""},
    {"3020", equity, "Undistributed surplus", false, ""},
    {"3030", equity, "Social fund", false, ""},
    {"3040", equity, "Share-out carry-forward", false, ""},
    {"4010", income, "Loan interest (service charges)", false, ""},
    {"4020", income, "Fines", false, ""},
    {"4030", income, "Other income", false, ""},
    {"5010", expense, "Supplies and stationery", false, ""},
    {"5020", expense, "Loan write-offs", false, ""},
    {"5030", expense, "Bank charges", false, ""},
};

const std::vector<expected_row> coop_rows{
    {"1010", asset, "Cash", false, ""},
    {"1011", asset, "Cash (USD)", false, "USD"},
    {"1020", asset, "Bank", false, ""},
    {"1021", asset, "Bank (USD)", false, "USD"},
    {"1100", asset, "Loans to members", true, ""},
    {"1110", asset, "Member receivables", true, ""},
    {"1120", asset, "Buyer receivables", false, ""},
    {"1200", asset, "Input stock", false, ""},
    {"1210", asset, "Produce stock", false, ""},
    {"1300", asset, "Fixed assets", false, ""},
    {"1310", asset, "Accumulated depreciation", false, ""},
    {"2010", liability, "Supplier payables", false, ""},
    {"2020", liability, "Payables to members for produce", true, ""},
    {"2030", liability, "Member savings deposits", true, ""},
    {"2040", liability, "Borrowings", false, ""},
    {"2050", liability, "Patronage refunds payable", true, ""},
    {"2060", liability, "Dividends payable", true, ""},
    {"3010", equity, "Share capital", true, ""},
    {"3020", equity, "Entry fees", false, ""},
    {"3030", equity, "Statutory reserve", false, ""},
    {"3040", equity, "Education and social fund", false, ""},
    {"3050", equity, "Retained patronage refunds", true, ""},
    {"3060", equity, "Unallocated surplus", false, ""},
    {"3900", equity, "Currency exchange position", false, ""},
    {"3901", equity, "Currency exchange position (USD)", false, "USD"},
    {"4010", income, "Input sales", false, ""},
    {"4020", income, "Produce sales", false, ""},
    {"4030", income, "Service fees", false, ""},
    {"4040", income, "Loan interest", false, ""},
    {"4050", income, "Other income", false, ""},
    {"4060", income, "Grants", false, ""},
    {"5010", expense, "Cost of inputs sold", false, ""},
    {"5020", expense, "Produce purchased from members", false, ""},
    {"5030", expense, "Committee allowances", false, ""},
    {"5040", expense, "Transport and storage", false, ""},
    {"5050", expense, "Depreciation", false, ""},
    {"5060", expense, "Interest", false, ""},
    {"5070", expense, "Bad debts", false, ""},
    {"5080", expense, "Other expenses", false, ""},
};

const std::vector<expected_row> joint_rows{
    {"1010", asset, "Cash", false, ""},
    {"1011", asset, "Cash (USD)", false, "USD"},
    {"1020", asset, "Bank", false, ""},
    {"1200", asset, "Harvest stock", false, ""},
    {"2010", liability, "Payables", false, ""},
    {"2020", liability, "Distributions payable", true, ""},
    {"3010", equity, "Village development fund", false, ""},
    {"3020", equity, "Reinvestment reserve", false, ""},
    {"3060", equity, "Undistributed surplus", false, ""},
    {"3900", equity, "Currency exchange position", false, ""},
    {"3901", equity, "Currency exchange position (USD)", false, "USD"},
    {"4010", income, "Harvest sales", false, ""},
    {"4050", income, "Other income", false, ""},
    {"4060", income, "Grants", false, ""},
    {"5010", expense, "Labour", false, ""},
    {"5020", expense, "Inputs (seedlings, fertiliser)", false, ""},
    {"5030", expense, "Equipment and maintenance", false, ""},
    {"5080", expense, "Other expenses", false, ""},
};

const std::vector<expected_row>& expected_for(group_kind kind) {
  switch (kind) {
    case group_kind::savings_group: return savings_rows;
    case group_kind::agri_cooperative: return coop_rows;
    case group_kind::joint_task: return joint_rows;
  }
  return savings_rows;
}

std::vector<std::string> codes_of(const std::vector<account_definition>& accounts) {
  std::vector<std::string> codes;
  for (const auto& account : accounts) codes.push_back(account.code);
  return codes;
}

std::vector<std::string> member_codes_of(const std::vector<account_definition>& accounts) {
  std::vector<std::string> codes;
  for (const auto& account : accounts) {
    if (account.member_ledger) codes.push_back(account.code);
  }
  return codes;
}

const account_definition* find_code(const std::vector<account_definition>& accounts, std::string_view code) {
  for (const auto& account : accounts) {
    if (account.code == code) return &account;
  }
  return nullptr;
}

// Decodes strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF); nullopt if malformed.
std::optional<std::vector<char32_t>> decode_utf8(std::string_view text) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (lead < 0x80) {
      length = 1, cp = lead, min = 0;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2, cp = lead & 0x1Fu, min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, cp = lead & 0x0Fu, min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, cp = lead & 0x07u, min = 0x10000;
    } else {
      return std::nullopt;
    }
    if (i + length > text.size()) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (next & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    out.push_back(cp);
    i += length;
  }
  return out;
}

bool is_khmer(char32_t cp) {
  return cp >= 0x1780 && cp <= 0x17FF;
}

}  // namespace

TEST_CASE("kind names round-trip and unknown kinds are rejected", "[chart]") {
  CHECK(kind_name(group_kind::savings_group) == "savings_group");
  CHECK(kind_name(group_kind::agri_cooperative) == "agri_cooperative");
  CHECK(kind_name(group_kind::joint_task) == "joint_task");
  for (auto kind : all_kinds) {
    CHECK(parse_kind(kind_name(kind)) == kind);
  }
  for (std::string_view bad : {"", "savings", "Savings_Group", "SAVINGS_GROUP", " savings_group",
                               "joint_task ", "cooperative", "asset"}) {
    CHECK_FALSE(parse_kind(bad).has_value());
  }
}

TEST_CASE("type names round-trip, unknown types are rejected, debit-normal types", "[chart]") {
  const std::vector<std::pair<account_type, std::string_view>> names{{asset, "asset"},
                                                                     {liability, "liability"},
                                                                     {equity, "equity"},
                                                                     {income, "income"},
                                                                     {expense, "expense"}};
  for (const auto& [type, name] : names) {
    CHECK(type_name(type) == name);
    CHECK(parse_type(name) == type);
  }
  for (std::string_view bad : {"", "assets", "Asset", "EXPENSE", "revenue", "capital", " equity"}) {
    CHECK_FALSE(parse_type(bad).has_value());
  }
  CHECK(debit_normal(asset));
  CHECK(debit_normal(expense));
  CHECK_FALSE(debit_normal(liability));
  CHECK_FALSE(debit_normal(equity));
  CHECK_FALSE(debit_normal(income));
}

TEST_CASE("templates match charts.md row by row", "[chart]") {
  for (auto kind : all_kinds) {
    INFO("kind " << kind_name(kind));
    const auto rows = chart_template(kind);
    const auto& expected = expected_for(kind);
    REQUIRE(rows.size() == expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      INFO("row " << i << " code " << expected[i].code);
      CHECK(rows[i].code == expected[i].code);
      CHECK(rows[i].type == expected[i].type);
      CHECK(rows[i].name == expected[i].name);
      CHECK(rows[i].member_ledger == expected[i].member_ledger);
      CHECK(rows[i].currency == expected[i].currency);
    }
  }
}

TEST_CASE("every code is four digits, unique and in ascending order", "[chart]") {
  for (auto kind : all_kinds) {
    INFO("kind " << kind_name(kind));
    std::set<std::string_view> seen;
    std::string_view previous;
    for (const auto& row : chart_template(kind)) {
      INFO("code " << row.code);
      REQUIRE(row.code.size() == 4);
      for (char c : row.code) CHECK((c >= '0' && c <= '9'));
      CHECK(seen.insert(row.code).second);
      CHECK(row.code > previous);
      previous = row.code;
      // The leading digit follows the type: 1 asset, 2 liability, 3 equity, 4 income, 5 expense.
      const char lead = "12345"[static_cast<int>(row.type)];
      CHECK(row.code.front() == lead);
    }
  }
}

TEST_CASE("member ledgers are the [m] accounts of charts.md", "[chart]") {
  using codes = std::vector<std::string>;
  CHECK(member_codes_of(chart_for(group_kind::savings_group, "KHR")) == codes{"1100", "2020", "3010"});
  CHECK(member_codes_of(chart_for(group_kind::agri_cooperative, "KHR")) ==
        codes{"1100", "1110", "2020", "2030", "2050", "2060", "3010", "3050"});
  CHECK(member_codes_of(chart_for(group_kind::joint_task, "KHR")) == codes{"2020"});
  // Leaving out the USD accounts changes no member ledger.
  for (auto kind : all_kinds) {
    CHECK(member_codes_of(chart_for(kind, "USD")) == member_codes_of(chart_for(kind, "KHR")));
  }
}

TEST_CASE("a riel group gets every account, and the (USD) accounts are in dollars", "[chart]") {
  for (auto kind : all_kinds) {
    INFO("kind " << kind_name(kind));
    const auto accounts = chart_for(kind, "KHR");
    const auto& expected = expected_for(kind);
    REQUIRE(accounts.size() == expected.size());
    for (std::size_t i = 0; i < accounts.size(); ++i) {
      INFO("code " << expected[i].code);
      CHECK(accounts[i].code == expected[i].code);
      CHECK(accounts[i].type == expected[i].type);
      CHECK(accounts[i].name == expected[i].name);
      CHECK(accounts[i].member_ledger == expected[i].member_ledger);
      CHECK(accounts[i].currency == (expected[i].currency.empty() ? "KHR" : expected[i].currency));
    }
  }
  const auto coop = chart_for(group_kind::agri_cooperative, "KHR");
  for (std::string_view code : {"1011", "1021", "3901"}) {
    const auto* account = find_code(coop, code);
    REQUIRE(account != nullptr);
    CHECK(account->currency == "USD");
  }
  for (std::string_view code : {"1010", "1020", "3900"}) {
    const auto* account = find_code(coop, code);
    REQUIRE(account != nullptr);
    CHECK(account->currency == "KHR");
  }
  const auto joint = chart_for(group_kind::joint_task, "KHR");
  CHECK(codes_of(joint) == std::vector<std::string>{"1010", "1011", "1020", "1200", "2010", "2020", "3010",
                                                    "3020", "3060", "3900", "3901", "4010", "4050", "4060",
                                                    "5010", "5020", "5030", "5080"});
}

TEST_CASE("a dollar group leaves out the (USD) accounts and keeps 1010/1020/3900 in dollars", "[chart]") {
  using codes = std::vector<std::string>;
  const auto coop = chart_for(group_kind::agri_cooperative, "USD");
  CHECK(codes_of(coop) == codes{"1010", "1020", "1100", "1110", "1120", "1200", "1210", "1300", "1310",
                                "2010", "2020", "2030", "2040", "2050", "2060", "3010", "3020", "3030",
                                "3040", "3050", "3060", "3900", "4010", "4020", "4030", "4040", "4050",
                                "4060", "5010", "5020", "5030", "5040", "5050", "5060", "5070", "5080"});
  const auto joint = chart_for(group_kind::joint_task, "USD");
  CHECK(codes_of(joint) == codes{"1010", "1020", "1200", "2010", "2020", "3010", "3020", "3060", "3900",
                                 "4010", "4050", "4060", "5010", "5020", "5030", "5080"});
  // A savings group has no (USD) accounts: its chart is whole in either currency.
  CHECK(codes_of(chart_for(group_kind::savings_group, "USD")) ==
        codes_of(chart_for(group_kind::savings_group, "KHR")));
  for (auto kind : all_kinds) {
    INFO("kind " << kind_name(kind));
    const auto accounts = chart_for(kind, "USD");
    for (const auto& account : accounts) {
      INFO("code " << account.code);
      CHECK(account.currency == "USD");
      CHECK(account.name.find("(USD)") == std::string::npos);
    }
    for (std::string_view code : {"1010", "1020"}) CHECK(find_code(accounts, code) != nullptr);
  }
  REQUIRE(find_code(coop, "3900") != nullptr);
  CHECK(find_code(coop, "3900")->currency == "USD");
  for (std::string_view code : {"1011", "1021", "3901"}) CHECK(find_code(coop, code) == nullptr);
  for (std::string_view code : {"1011", "3901"}) CHECK(find_code(joint, code) == nullptr);
}

TEST_CASE("chart_for copies names and resolves every currency", "[chart]") {
  for (auto kind : all_kinds) {
    for (std::string_view base : {"KHR", "USD"}) {
      INFO("kind " << kind_name(kind) << " base " << base);
      for (const auto& account : chart_for(kind, base)) {
        INFO("code " << account.code);
        CHECK_FALSE(account.currency.empty());
        bool found = false;
        for (const auto& row : chart_template(kind)) {
          if (row.code != account.code) continue;
          found = true;
          CHECK(account.name == row.name);
          CHECK(account.name_km == row.name_km);
          CHECK(account.type == row.type);
        }
        CHECK(found);
      }
    }
  }
}

TEST_CASE("every account has an English name and a Khmer name in valid UTF-8", "[chart]") {
  for (auto kind : all_kinds) {
    INFO("kind " << kind_name(kind));
    for (const auto& row : chart_template(kind)) {
      INFO("code " << row.code);
      CHECK_FALSE(row.name.empty());
      REQUIRE_FALSE(row.name_km.empty());
      const auto decoded = decode_utf8(row.name_km);
      REQUIRE(decoded.has_value());
      std::size_t khmer = 0;
      for (char32_t cp : *decoded) {
        if (is_khmer(cp)) ++khmer;
        // Written in Khmer, not English left untranslated.
        CHECK_FALSE(((cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z')));
        CHECK(cp != U'\uFFFD');
      }
      CHECK(khmer > 0);
      // Khmer names start and end with a letter, not a space or mark left over from editing.
      CHECK(row.name_km.front() != ' ');
      CHECK(row.name_km.back() != ' ');
      CHECK(is_khmer(decoded->front()));
    }
  }
}

TEST_CASE("the dollar accounts are marked as dollars in Khmer too", "[chart]") {
  constexpr std::string_view dollar_km = "(ដុល្លារ)";
  for (auto kind : all_kinds) {
    for (const auto& row : chart_template(kind)) {
      INFO("code " << row.code);
      CHECK((row.currency == "USD") == (row.name_km.find(dollar_km) != std::string_view::npos));
      CHECK((row.currency == "USD") == (row.name.find("(USD)") != std::string_view::npos));
    }
  }
}

TEST_CASE("the UTF-8 checker itself rejects malformed text", "[chart]") {
  CHECK(decode_utf8("សាច់ប្រាក់").has_value());
  CHECK_FALSE(decode_utf8("\xE1\x9E").has_value());      // truncated
  CHECK_FALSE(decode_utf8("\xC0\xAF").has_value());      // overlong
  CHECK_FALSE(decode_utf8("\xED\xA0\x80").has_value());  // surrogate
  CHECK_FALSE(decode_utf8("\xFF").has_value());          // invalid lead
  CHECK_FALSE(decode_utf8("\xE1\x9E\x41").has_value());  // bad continuation
  const auto cash = decode_utf8("សាច់ប្រាក់");
  REQUIRE(cash.has_value());
  CHECK(cash->front() == U'\u179F');  // ស
}
