// An operation for every member of a large group posts its lines over entries an entry can hold.
#include "ledger/journal/posting_rules.hpp"
#include "ledger/operations/money_moves.hpp"

#include <catch2/catch.hpp>

using namespace samaki::ledger;

namespace {

std::vector<draft_line> member_credits(int count) {
  std::vector<draft_line> lines;
  const auto riel = *iso_currency::find("KHR");
  for (int i = 1; i <= count; ++i)
    lines.push_back(line_of("2020", member_id{i}, side::credit, money(100 * i, riel)));
  return lines;
}

money debits_less_credits(const draft_entry& e) {
  auto net = money::zero(e.lines.front().amount.currency());
  for (const auto& l : e.lines) net = l.side == side::debit ? plus(net, l.amount) : minus(net, l.amount);
  return net;
}

}  // namespace

TEST_CASE("lines that fit one entry make one, its balancing line where asked and the memo as given",
          "[operations][line_limit]") {
  const auto day = calendar_date::from_ymd(2026, 3, 1);
  auto first = entries_within_line_limit(day, "Allocation", "3060", side::debit, balancing_line::first,
                                         member_credits(3));
  REQUIRE(first.size() == 1);
  CHECK(first[0].memo == "Allocation");
  CHECK(first[0].lines.size() == 4);
  CHECK(first[0].lines.front().account == "3060");
  CHECK(first[0].lines.front().amount.minor() == 600);
  CHECK(debits_less_credits(first[0]).minor() == 0);
  auto last =
      entries_within_line_limit(day, "Paid", "1010", side::debit, balancing_line::last, member_credits(3));
  CHECK(last[0].lines.back().account == "1010");
  CHECK(entries_within_line_limit(day, "Nothing", "1010", side::debit, balancing_line::last, {}).empty());
}

TEST_CASE("lines past one entry's limit are split into balanced entries of at most that many lines",
          "[operations][line_limit]") {
  const auto day = calendar_date::from_ymd(2026, 3, 1);
  const int members = static_cast<int>(2 * max_lines_per_entry + 10);
  auto entries = entries_within_line_limit(day, "Year end", "3060", side::debit, balancing_line::first,
                                           member_credits(members));
  REQUIRE(entries.size() == 3);
  std::size_t member_lines = 0;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto& e = entries[k];
    CHECK(e.lines.size() <= max_lines_per_entry);
    CHECK(e.memo == "Year end (" + std::to_string(k + 1) + " of 3)");
    CHECK(e.lines.front().account == "3060");
    CHECK(debits_less_credits(e).minor() == 0);
    member_lines += e.lines.size() - 1;
  }
  CHECK(member_lines == static_cast<std::size_t>(members));
  CHECK(entries[2].lines[1].member ==
        member_id{static_cast<std::int64_t>(2 * (max_lines_per_entry - 1) + 1)});
}
