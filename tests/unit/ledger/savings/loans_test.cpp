// The loan arithmetic of operations.md ("Loans"), each figure worked by hand: schedules (equal instalments,
// the last takes the remainder; due on the disbursement's day or the month's last day; flat and declining
// interest rounded half up), the repayment split (interest due first, then principal; overpayment), days in
// arrears and next_due, and write-offs.
#include "ledger/savings/loans.hpp"

#include <catch2/catch.hpp>

using namespace samaki::ledger;

namespace {

const iso_currency khr = *iso_currency::find("KHR");

money riel(std::int64_t minor) {
  return money(minor, khr);
}

calendar_date day(std::string_view text) {
  return *calendar_date::parse(text);
}

monthly_rate percent(std::string_view text) {
  return *monthly_rate::parse(text);
}

loan_record loan_of(loan_terms terms, std::vector<loan_payment> payments = {}) {
  return loan_record{loan_id{3},      group_id{1}, member_id{7}, std::nullopt,
                     operation_id{1}, terms,       "",           payments};
}

loan_payment paid(std::string_view on, std::int64_t interest, std::int64_t principal,
                  payment_kind kind = payment_kind::repayment) {
  return loan_payment{day(on), riel(interest), riel(principal), kind, operation_id{2}};
}

std::string detail(const error& e, std::string_view key) {
  for (const auto& [k, v] : e.details)
    if (k == key) return v;
  return "(none)";
}

// `amount` paid on `on` splits into `interest` and `principal`.
void check_split(const loan_record& loan, std::string_view on, std::int64_t amount, std::int64_t interest,
                 std::int64_t principal) {
  INFO(amount << " paid on " << on);
  auto split = split_repayment(loan, day(on), riel(amount));
  REQUIRE(split.has_value());
  CHECK(split->interest == riel(interest));
  CHECK(split->principal == riel(principal));
}

// 90,000 riel over 3 months at 2 % flat from 10 January 2026: 30,000 + 1,800 due on the 10th of Feb, Mar,
// Apr.
const loan_terms ninety_flat{riel(9000000), day("2026-01-10"), 3, percent("2"), interest_method::flat};

}  // namespace

TEST_CASE("a schedule has equal instalments of principal and the last takes the remainder", "[loans]") {
  // 100,000 riel / 3 = 33,333.33 twice, and 33,333.34 last; flat 2 % of 100,000 = 2,000 each month.
  const auto s = loan_schedule({riel(10000000), day("2026-01-15"), 3, percent("2"), interest_method::flat});
  REQUIRE(s.size() == 3);
  CHECK(s[0].number == 1);
  CHECK(s[0].principal == riel(3333333));
  CHECK(s[1].principal == riel(3333333));
  CHECK(s[2].principal == riel(3333334));
  for (const auto& i : s) CHECK(i.interest == riel(200000));
  CHECK(s[0].due == day("2026-02-15"));
  CHECK(s[1].due == day("2026-03-15"));
  CHECK(s[2].due == day("2026-04-15"));
}

TEST_CASE("instalments fall due on the disbursement's day, or the month's last day when it is shorter",
          "[loans]") {
  const auto s = loan_schedule({riel(400000), day("2026-01-31"), 4, percent("0"), interest_method::flat});
  REQUIRE(s.size() == 4);
  CHECK(s[0].due == day("2026-02-28"));
  CHECK(s[1].due == day("2026-03-31"));  // from the disbursement's day, not from 28 February
  CHECK(s[2].due == day("2026-04-30"));
  CHECK(s[3].due == day("2026-05-31"));
  for (const auto& i : s) CHECK(i.interest == riel(0));
  // A leap year's February, and a year end.
  CHECK(loan_schedule({riel(100), day("2028-01-31"), 1, percent("2"), interest_method::flat})[0].due ==
        day("2028-02-29"));
  CHECK(loan_schedule({riel(100), day("2026-12-31"), 2, percent("2"), interest_method::flat})[1].due ==
        day("2027-02-28"));
}

TEST_CASE("declining interest is on the principal left after the previous instalment, rounded half up",
          "[loans]") {
  // 100,000 riel at 2.5 %: 2,500.00; then 66,666.67 × 2.5 % = 1,666.66675 → 1,666.67;
  // then 33,333.34 × 2.5 % = 833.3335 → 833.33.
  const auto s =
      loan_schedule({riel(10000000), day("2026-01-15"), 3, percent("2.5"), interest_method::declining});
  REQUIRE(s.size() == 3);
  CHECK(s[0].interest == riel(250000));
  CHECK(s[1].interest == riel(166667));
  CHECK(s[2].interest == riel(83333));
}

TEST_CASE("interest rounds half up to the minor unit", "[loans]") {
  CHECK(percent("2.5").interest_on(riel(100)) == riel(3));  // 2.5 → 3
  CHECK(percent("2.5").interest_on(riel(300)) == riel(8));  // 7.5 → 8
  CHECK(percent("2.5").interest_on(riel(180)) == riel(5));  // 4.5 → 5
  CHECK(percent("2.5").interest_on(riel(140)) == riel(4));  // 3.5 → 4
  CHECK(percent("2.5").interest_on(riel(60)) == riel(2));   // 1.5 → 2
  CHECK(percent("2.5").interest_on(riel(99)) == riel(2));   // 2.475 → 2
  CHECK(percent("3").interest_on(riel(50)) == riel(2));     // 1.5 → 2
  CHECK(percent("0").interest_on(riel(123456)) == riel(0));
  // Flat: every month on the whole principal, 1.00 riel at 2.5 % is 0.03 each month.
  for (const auto& i :
       loan_schedule({riel(100), day("2026-01-01"), 2, percent("2.5"), interest_method::flat}))
    CHECK(i.interest == riel(3));
}

TEST_CASE("a repayment pays the interest due on or before its date first, then principal", "[loans]") {
  const auto loan = loan_of(ninety_flat);
  // Before the first due date no interest is due: all of it is principal.
  check_split(loan, "2026-02-09", 1000000, 0, 1000000);
  // On the due date the month's 1,800 is due first.
  check_split(loan, "2026-02-10", 500000, 180000, 320000);
  // Two months due and less than that paid: all of it is interest.
  check_split(loan, "2026-03-10", 300000, 300000, 0);
  // What was paid before counts: 1,800 of February's interest paid, only March's is due on 10 March.
  check_split(loan_of(ninety_flat, {paid("2026-02-10", 180000, 0)}), "2026-03-10", 500000, 180000, 320000);
}

TEST_CASE("a repayment above what is owed is an overpayment naming the loan, the limit and the value",
          "[loans]") {
  const auto loan = loan_of(ninety_flat, {paid("2026-02-10", 180000, 3000000)});
  // On 10 March: 60,000 principal outstanding and March's 1,800 of interest: 61,800 owed.
  check_split(loan, "2026-03-10", 6180000, 180000, 6000000);
  auto over = split_repayment(loan, day("2026-03-10"), riel(6180001));
  REQUIRE_FALSE(over.has_value());
  CHECK(over.error().code == errc::overpayment);
  CHECK(detail(over.error(), "member_id") == "7");
  CHECK(detail(over.error(), "loan_id") == "3");
  CHECK(detail(over.error(), "rule") == "overpayment");
  CHECK(detail(over.error(), "limit") == "61800.00");
  CHECK(detail(over.error(), "value") == "61800.01");
  CHECK_FALSE(split_repayment(loan, day("2026-03-10"), riel(0)).has_value());
}

TEST_CASE("days in arrears count from the oldest due date not covered by what was paid", "[loans]") {
  // Nothing paid: on the due date itself the loan is not late; a day later it is.
  const auto unpaid = loan_of(ninety_flat);
  auto on_due = position_at(unpaid, day("2026-02-10"));
  CHECK(on_due.days_in_arrears == 0);
  REQUIRE(on_due.next_due);
  CHECK(on_due.next_due->date == day("2026-02-10"));
  CHECK(on_due.next_due->amount == riel(3180000));
  CHECK(on_due.interest_due == riel(180000));
  CHECK(position_at(unpaid, day("2026-02-11")).days_in_arrears == 1);
  // 10 Feb to 12 Mar 2026 is 30 days (February has 28); two months of interest are due.
  auto later = position_at(unpaid, day("2026-03-12"));
  CHECK(later.days_in_arrears == 30);
  CHECK(later.interest_due == riel(360000));
  CHECK(later.next_due->date == day("2026-02-10"));
  CHECK(later.next_due->amount == riel(3180000));
  CHECK(later.owed() == riel(9360000));
  // Before anything is due: not late, the first instalment next.
  auto before = position_at(unpaid, day("2026-01-20"));
  CHECK(before.days_in_arrears == 0);
  CHECK(before.interest_due == riel(0));
  CHECK(before.next_due->date == day("2026-02-10"));

  // 20,000 paid on the due date (1,800 interest, 18,200 principal) does not cover 31,800: late from the 10th.
  const auto part = loan_of(ninety_flat, {paid("2026-02-10", 180000, 1820000)});
  auto p = position_at(part, day("2026-02-25"));
  CHECK(p.days_in_arrears == 15);
  CHECK(p.next_due->amount == riel(1180000));
  CHECK(p.outstanding == riel(7180000));
  CHECK(p.principal_paid == riel(1820000));
  CHECK(p.interest_paid == riel(180000));

  // 40,000 paid on the first due date covers it and 8,200 of the second: 23,600 is next, due 10 March.
  const auto ahead = loan_of(ninety_flat, {paid("2026-02-10", 180000, 3820000)});
  auto a = position_at(ahead, day("2026-03-10"));
  CHECK(a.days_in_arrears == 0);
  CHECK(a.next_due->date == day("2026-03-10"));
  CHECK(a.next_due->amount == riel(2360000));
  CHECK(position_at(ahead, day("2026-03-11")).days_in_arrears == 1);
  // A payment dated after the day does not count yet.
  CHECK(position_at(ahead, day("2026-02-09")).principal_paid == riel(0));

  // Paid in full: repaid, nothing next, not late.
  const auto repaid = loan_of(ninety_flat, {paid("2026-02-10", 180000, 9000000)});
  auto r = position_at(repaid, day("2026-06-01"));
  CHECK(r.status == loan_status::repaid);
  CHECK_FALSE(r.next_due);
  CHECK(r.days_in_arrears == 0);
  CHECK(r.outstanding == riel(0));
  CHECK(r.interest_due == riel(0));
}

TEST_CASE("a written-off loan is closed and its write-off is not counted as repaid", "[loans]") {
  // 31,800 repaid on 10 Feb, the rest (60,000) written off on 20 April.
  const auto loan = loan_of(ninety_flat, {paid("2026-02-10", 180000, 3000000),
                                          paid("2026-04-20", 0, 6000000, payment_kind::write_off)});
  auto before = position_at(loan, day("2026-04-19"));
  CHECK(before.status == loan_status::open);
  CHECK(before.outstanding == riel(6000000));
  CHECK(before.days_in_arrears == 40);  // 10 March to 19 April
  auto after = position_at(loan, day("2026-04-20"));
  CHECK(after.status == loan_status::written_off);
  CHECK(after.outstanding == riel(0));
  CHECK(after.written_off == riel(6000000));
  CHECK(after.principal_paid == riel(3000000));
  CHECK(after.interest_paid == riel(180000));
  CHECK(after.interest_due == riel(0));
  CHECK(after.days_in_arrears == 0);
  CHECK_FALSE(after.next_due);
  // Offsets (share-out, member exit) count as repaid.
  const auto offset = loan_of(ninety_flat, {paid("2026-03-01", 180000, 9000000, payment_kind::offset)});
  CHECK(position_at(offset, day("2026-03-01")).status == loan_status::repaid);
}
