// The cash book of 1010 against the hand-worked year of report_scenario.hpp.
#include "ledger/reports/cash_book.hpp"
#include "tests/unit/ledger/reports/report_scenario.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

result<cash_book> book_of(ledger_fixture& f, const std::string& account, std::optional<std::string> from,
                          std::optional<std::string> to) {
  auto r = f.reader();
  return read_cash_book(r->db(), f.savings.id, account, from ? std::optional(day(*from)) : std::nullopt,
                        to ? std::optional(day(*to)) : std::nullopt);
}

// "date in out balance member" per line.
std::vector<std::string> lines_of(const cash_book& book) {
  std::vector<std::string> out;
  for (const auto& l : book.lines) {
    out.push_back(l.date.to_string() + " " + l.in.amount_text() + " " + l.out.amount_text() + " " +
                  l.balance.amount_text() + " " + (l.member ? l.member->name : "-"));
  }
  return out;
}

}  // namespace

TEST_CASE("cash book: opening, each movement with its running balance, closing", "[reports][cash_book]") {
  ledger_fixture f;
  auto y = post_savings_year(f);
  auto book = book_of(f, "1010", "2025-03-01", "2025-12-31");
  REQUIRE(book.has_value());
  CHECK(book->account.code == "1010");
  CHECK(book->opening.amount_text() == "15000.00");
  CHECK(lines_of(*book) == std::vector<std::string>{
                               "2025-03-05 5600.00 0.00 20600.00 Dara",  // names Dara on both lines
                               "2025-03-05 500.00 0.00 21100.00 Chenda",
                               "2025-04-01 0.00 1200.00 19900.00 -",
                           });
  CHECK(book->lines[0].entry == y.repayment);
  CHECK(book->lines[0].memo == "Repayment");
  CHECK(book->total_in.amount_text() == "6100.00");
  CHECK(book->total_out.amount_text() == "1200.00");
  CHECK(book->closing.amount_text() == "19900.00");

  SECTION("from the start of the books: no opening, and an entry naming two members names none") {
    auto all = book_of(f, "1010", std::nullopt, "2025-02-28");
    REQUIRE(all.has_value());
    CHECK(all->opening.amount_text() == "0.00");
    CHECK(lines_of(*all) == std::vector<std::string>{"2025-01-10 30000.00 0.00 30000.00 -",
                                                     "2025-02-05 0.00 15000.00 15000.00 Dara"});
    CHECK(all->closing.amount_text() == "15000.00");
  }

  SECTION("back-dated entries take their place by date, not by the order they were posted in") {
    f.must_post(
        make_posting(f.savings.id, "2025-03-01", {debit("1010", "100"), credit("4030", "100")}, "late"));
    auto again = book_of(f, "1010", "2025-03-01", "2025-03-31");
    REQUIRE(again.has_value());
    CHECK(lines_of(*again) == std::vector<std::string>{"2025-03-01 100.00 0.00 15100.00 -",
                                                       "2025-03-05 5600.00 0.00 20700.00 Dara",
                                                       "2025-03-05 500.00 0.00 21200.00 Chenda"});
  }

  SECTION("only cash: an unknown account, a member ledger or a non-asset is refused") {
    CHECK(code_of(book_of(f, "1999", std::nullopt, std::nullopt)) == "unknown_account");
    CHECK(code_of(book_of(f, "1100", std::nullopt, std::nullopt)) == "bad_request");
    CHECK(code_of(book_of(f, "4020", std::nullopt, std::nullopt)) == "bad_request");
    CHECK(code_of(book_of(f, "1020", std::nullopt, std::nullopt)) == "ok");
  }
}
