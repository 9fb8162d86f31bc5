// Each of the staff's group warnings (ledger/reports/warnings.hpp) fires on the books that call for it,
// with its figures, and stays quiet on books that do not. Dates are relative to today: the journal's
// created_at is the real clock, and back-dating is judged against it.
#include "ledger/reports/warnings.hpp"
#include "ledger/reports/dashboard.hpp"
#include "ledger/store/sqlite.hpp"
#include "tests/unit/ledger/coop/operation_test_support.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

const calendar_date this_day = calendar_date::today(0);

std::string on(int offset) {
  return this_day.plus_days(offset).to_string();
}

std::vector<group_warning> warnings_of(ledger_fixture& f, const group_info& g) {
  auto r = f.reader();
  return group_warnings(r->db(), g, this_day);
}

// The warnings of one code, so each test looks only at its own rule.
std::vector<group_warning> only(const std::vector<group_warning>& all, std::string_view code) {
  std::vector<group_warning> out;
  for (const auto& w : all)
    if (w.code == code) out.push_back(w);
  return out;
}

std::string figure(const group_warning& w, std::string_view name) {
  for (const auto& f : w.figures)
    if (f.name == name) return f.value;
  return "(none)";
}

field_value number(std::int64_t n) {
  return field_value{n};
}

// A cycle of 5,000-riel shares starting `offset` days from this_day, weekly meetings, loans up to 3× shares.
void start_cycle(ledger_fixture& f, int offset) {
  must_record(f, f.savings.id, "cycle_start", on(offset),
              {{"share_value", text("5000")}, {"loan_multiple", number(3)}, {"meeting_every", text("week")}});
}

void buy_shares(ledger_fixture& f, member_id m, int shares, int offset) {
  must_record(f, f.savings.id, "shares", on(offset),
              {{"member_id", number(m.value)}, {"shares", number(shares)}});
}

void lend(ledger_fixture& f, member_id m, std::string amount, int months, int offset) {
  must_record(
      f, f.savings.id, "loan", on(offset),
      {{"member_id", number(m.value)}, {"amount", text(std::move(amount))}, {"months", number(months)}});
}

}  // namespace

TEST_CASE("books kept day by day raise no warning", "[warnings]") {
  ledger_fixture f(false);
  f.must_post(make_posting(f.savings.id, on(-2),
                           {debit("1010", "30000"), credit("3010", "30000", f.savers[0])}, "a"));
  f.must_post(make_posting(f.savings.id, on(-1), {debit("5010", "1000"), credit("1010", "1000")}, "b"));
  f.must_post(make_posting(f.coop.id, on(0), {debit("1010", "500"), credit("4050", "500")}, "c"));
  CHECK(warnings_of(f, f.savings).empty());
  CHECK(warnings_of(f, f.coop).empty());
  CHECK(warnings_of(f, f.task).empty());
}

TEST_CASE("cash_negative: a cash box below zero, with its account and balance", "[warnings]") {
  ledger_fixture f(false);
  f.must_post(make_posting(f.coop.id, on(0), {debit("1010", "2000"), credit("4050", "2000")}, "in"));
  CHECK(only(warnings_of(f, f.coop), warning_code::cash_negative).empty());
  f.must_post(make_posting(f.coop.id, on(0), {debit("5010", "5000"), credit("1010", "5000")}, "out"));
  auto found = only(warnings_of(f, f.coop), warning_code::cash_negative);
  REQUIRE(found.size() == 1);
  CHECK(figure(found[0], "account") == "1010");
  CHECK(figure(found[0], "balance") == "-3000.00");
  CHECK(figure(found[0], "currency") == "KHR");
}

TEST_CASE("loan_above_limit: a member owes more than the loan multiple of their shares", "[warnings]") {
  ledger_fixture f(false);
  start_cycle(f, -3);
  buy_shares(f, f.savers[0], 2, -2);     // 10,000 riel of shares
  buy_shares(f, f.savers[1], 5, -2);     // enough in the loan fund
  lend(f, f.savers[0], "30000", 3, -1);  // exactly 3× — allowed, and no warning
  CHECK(only(warnings_of(f, f.savings), warning_code::loan_above_limit).empty());
  // The group lowers its multiple to 1 from this_day: the loan now stands above the limit.
  must_record(f, f.savings.id, "cycle_settings", on(0),
              {{"cycle_id", number(1)}, {"loan_multiple", number(1)}});
  auto found = only(warnings_of(f, f.savings), warning_code::loan_above_limit);
  REQUIRE(found.size() == 1);
  CHECK(figure(found[0], "member_id") == std::to_string(f.savers[0].value));
  CHECK(figure(found[0], "outstanding") == "30000.00");
  CHECK(figure(found[0], "shares") == "10000.00");
  CHECK(figure(found[0], "loan_multiple") == "1");
  CHECK(figure(found[0], "limit") == "10000.00");
}

TEST_CASE("loans_in_arrears: PAR30 above zero from the loan portfolio", "[warnings]") {
  ledger_fixture f(false);
  start_cycle(f, -120);
  for (auto m : f.savers) buy_shares(f, m, 5, -120);  // 75,000 riel in the loan fund
  lend(f, f.savers[0], "40000", 1, -100);             // due 70 days ago, never repaid
  auto r = f.reader();
  CHECK(only(group_warnings(r->db(), f.savings, this_day.plus_days(-80)), warning_code::loans_in_arrears)
            .empty());
  lend(f, f.savers[1], "10000", 2, -10);  // first instalment not yet due: current
  auto found = only(warnings_of(f, f.savings), warning_code::loans_in_arrears);
  REQUIRE(found.size() == 1);
  CHECK(figure(found[0], "par30") == "0.8000");
  CHECK(figure(found[0], "loans") == "1");
  CHECK(figure(found[0], "late_balance") == "40000.00");
  CHECK(figure(found[0], "outstanding") == "50000.00");
}

TEST_CASE("reversals: reversing entries recorded lately, with the total", "[warnings]") {
  ledger_fixture f(false);
  auto wrong =
      f.must_post(make_posting(f.coop.id, on(0), {debit("1010", "900"), credit("4050", "900")}, "w"));
  CHECK(only(warnings_of(f, f.coop), warning_code::reversals).empty());
  REQUIRE(reverse(*f.db, f.coop.id, wrong.entry.id, "undo").has_value());
  auto found = only(warnings_of(f, f.coop), warning_code::reversals);
  REQUIRE(found.size() == 1);
  CHECK(figure(found[0], "recent") == "1");
  CHECK(figure(found[0], "total") == "1");
  CHECK(figure(found[0], "days") == "30");
}

TEST_CASE("back_dated_entries: dated well before the day recorded or the entries before them", "[warnings]") {
  ledger_fixture f(false);
  // Within the week's tolerance: a meeting written up a few days late, and out of order by a few days.
  f.must_post(make_posting(f.coop.id, on(0), {debit("1010", "100"), credit("4050", "100")}, "a"));
  f.must_post(make_posting(f.coop.id, on(-6), {debit("1010", "100"), credit("4050", "100")}, "b"));
  CHECK(only(warnings_of(f, f.coop), warning_code::back_dated_entries).empty());
  // Twenty days behind the books: back-dated.
  auto late =
      f.must_post(make_posting(f.coop.id, on(-20), {debit("1010", "100"), credit("4050", "100")}, "c"));
  auto found = only(warnings_of(f, f.coop), warning_code::back_dated_entries);
  REQUIRE(found.size() == 1);
  CHECK(figure(found[0], "recent") == "1");
  CHECK(figure(found[0], "total") == "1");
  CHECK(figure(found[0], "last_seq") == std::to_string(late.entry.seq));
  CHECK(figure(found[0], "tolerance_days") == "7");
  // The first entry of a group is judged against the day it was recorded.
  f.must_post(make_posting(f.task.id, on(-9), {debit("1010", "1"), credit("4010", "1")}, "d"));
  CHECK(only(warnings_of(f, f.task), warning_code::back_dated_entries).size() == 1);
}

TEST_CASE("meeting_overdue: no meeting within the interval and a week", "[warnings]") {
  SECTION("a cycle ten days old without a meeting is not late yet") {
    ledger_fixture f(false);
    start_cycle(f, -10);
    CHECK(only(warnings_of(f, f.savings), warning_code::meeting_overdue).empty());
  }
  SECTION("a recent meeting keeps it quiet") {
    ledger_fixture f(false);
    start_cycle(f, -40);
    must_record(f, f.savings.id, "meeting", on(-3),
                {{"members", field_value{field_list{field_value{field_map{
                                 {"member_id", number(f.savers[0].value)}, {"shares", number(1)}}}}}}});
    CHECK(only(warnings_of(f, f.savings), warning_code::meeting_overdue).empty());
  }
  SECTION("a month since the last meeting of a weekly group") {
    ledger_fixture f(false);
    start_cycle(f, -60);
    must_record(f, f.savings.id, "meeting", on(-30),
                {{"members", field_value{field_list{field_value{field_map{
                                 {"member_id", number(f.savers[0].value)}, {"shares", number(1)}}}}}}});
    auto found = only(warnings_of(f, f.savings), warning_code::meeting_overdue);
    REQUIRE(found.size() == 1);
    CHECK(figure(found[0], "last_meeting") == on(-30));
    CHECK(figure(found[0], "days") == "30");
    CHECK(figure(found[0], "allowed_days") == "14");
    CHECK(figure(found[0], "meeting_every") == "week");
  }
}

TEST_CASE("seal_broken: a closed period whose seal the chain no longer passes through", "[warnings]") {
  ledger_fixture f(false);
  for (int i = 0; i < 3; ++i)
    f.must_post(make_posting(f.savings.id, on(-2),
                             {debit("1010", "1000"), credit("3010", "1000", f.savers[0])},
                             "s" + std::to_string(i)));
  auto closed = close_through(*f.db, f.savings.id, on(-1));
  REQUIRE(closed.has_value());
  CHECK(only(warnings_of(f, f.savings), warning_code::seal_broken).empty());
  // Someone rewrites a memo behind the service's back.
  f.db.reset();
  {
    sqlite::connection db(f.path, sqlite::open_mode::read_write_create);
    db.exec("DROP TRIGGER IF EXISTS entries_no_update");
    db.exec("UPDATE entries SET memo = 'rewritten' WHERE group_id = " + std::to_string(f.savings.id.value) +
            " AND seq = 2");
    REQUIRE(sqlite3_changes(db.handle()) == 1);
  }
  auto found = only(warnings_of(f, f.savings), warning_code::seal_broken);
  REQUIRE(found.size() == 1);
  CHECK(figure(found[0], "seal") == closed->seal_code);
  CHECK(figure(found[0], "through") == on(-1));
  CHECK(figure(found[0], "first_bad_seq") == "2");
}

TEST_CASE("the dashboard's overview: members, activity, cash, loans and the same warnings", "[warnings]") {
  ledger_fixture f(false);
  f.must_post(make_posting(f.coop.id, on(-1), {debit("1010", "2500"), credit("4050", "2500")}, "a"));
  f.must_post(make_posting(f.coop.id, on(0), {debit("5010", "4000"), credit("1010", "4000")}, "b"));
  auto r = f.reader();
  auto o = overview_of(r->db(), f.coop, this_day);
  CHECK(o.members == 2);
  CHECK(o.entries == 2);
  CHECK(o.last_entry_date == this_day);
  REQUIRE(o.last_activity);
  CHECK(o.cash.amount_text() == "-1500.00");
  REQUIRE(o.loans_outstanding);
  CHECK(o.loans_outstanding->amount_text() == "0.00");
  CHECK(o.par30 == "0.0000");
  REQUIRE(o.warnings.size() == 1);
  CHECK(o.warnings[0].code == warning_code::cash_negative);
  auto task = overview_of(r->db(), f.task, this_day);
  CHECK_FALSE(task.loans_outstanding);
  CHECK(task.entries == 0);
  CHECK_FALSE(task.last_activity);
}
