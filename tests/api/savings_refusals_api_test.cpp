// Every refusal of operations.md for savings groups, over HTTP: each with its status, code and details (the
// member as a JSON number, the rule, the limit and the value), each writing nothing (every table's checksum
// is the same after it), and a second open cycle refused as a conflict. Then a meeting's idempotency, and its
// reversal: the loans it made are undone with it, and it is refused once a repayment stands on one of them.
#include "tests/api/json_match.hpp"
#include "tests/api/ledger_test_support.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

using namespace samaki::api_test;
namespace json = boost::json;

namespace {

json::value cycle_body(std::string_view start) {
  return {{"start", start},
          {"share_value", "5000"},
          {"min_shares", 1},
          {"max_shares", 5},
          {"loan_multiple", 3},
          {"interest", {{"percent_per_month", "2"}, {"method", "flat"}}},
          {"social_fund_per_meeting", "1000"},
          {"cash_unit", "100"},
          {"fines", json::array{{{"code", "late"}, {"name", "Late"}, {"amount", "500"}}}}};
}

json::value meeting(std::string_view date, json::array members, json::object more = {}) {
  json::object body{{"type", "meeting"}, {"date", date}, {"members", std::move(members)}};
  for (auto& [k, v] : more) body[k] = v;
  return body;
}

// A savings group with a cycle from 5 January 2026 and members a, b, c (5 shares and the social fund each
// on 5 January; a borrowed 60,000 for a month, due 5 February) and d, who left on 12 January with her
// 25,000: the loan fund holds 15,000, the social fund 4,000. A second savings group with no cycle and one
// member, e; and a cooperative.
struct savings_books {
  group_with_treasurer start;
  std::int64_t a = 0, b = 0, c = 0, d = 0, e = 0;
  std::int64_t no_cycle = 0, cooperative = 0;
  int keys = 0;

  savings_books() {
    auto& [server, admin, group, treasurer] = start;
    a = create_member(treasurer, group, "Sokha");
    b = create_member(treasurer, group, "Dara");
    c = create_member(treasurer, group, "Chenda");
    d = create_member(treasurer, group, "Bopha");
    REQUIRE(post("/cycles", cycle_body("2026-01-05")).status == 201);
    json::array members;
    for (auto m : {a, b, c, d}) members.push_back({{"member_id", m}, {"shares", 5}, {"social_fund", true}});
    members[0].as_object()["loan"] = {{"amount", "60000"}, {"months", 1}};
    REQUIRE(post("/operations", meeting("2026-01-05", members)).status == 201);
    REQUIRE(post("/operations", {{"type", "member_exit"}, {"date", "2026-01-12"}, {"member_id", d}}).status ==
            201);
    no_cycle = create_group(admin);
    e = create_member(admin, no_cycle, "Ratana");
    cooperative = create_group(admin, "agri_cooperative");
  }

  json_reply post(std::string_view path, const json::value& body, std::optional<std::int64_t> in = {}) {
    return start.admin.post(group_path(in.value_or(start.group), path), body,
                            idempotency("k" + std::to_string(++keys)));
  }
};

struct refused_case {
  std::string name;
  std::int64_t group;
  json::value body;
  std::string code;
  json::object details;
};

}  // namespace

TEST_CASE("every savings-group refusal answers 422 with its code and details, and writes nothing",
          "[api][savings][refusals]") {
  savings_books books;
  const auto g = books.start.group;
  const auto a = books.a, b = books.b, c = books.c, d = books.d, e = books.e;
  const std::string day = "2026-01-20";
  const json::object one_share{{"shares", 1}};
  const std::vector<refused_case> cases{
      {"shares above the maximum",
       g,
       meeting(day, {{{"member_id", a}, {"shares", 6}}}),
       "shares_out_of_range",
       {{"member_id", a}, {"rule", "max_shares"}, {"limit", "5"}, {"value", "6"}}},
      {"shares below the minimum",
       g,
       meeting(day, {{{"member_id", b}, {"shares", 0}}}),
       "shares_out_of_range",
       {{"member_id", b}, {"rule", "min_shares"}, {"limit", "1"}, {"value", "0"}}},
      {"shares bought by an absent member",
       g,
       meeting(day, {{{"member_id", c}, {"attendance", "absent"}, {"shares", 2}}}),
       "shares_out_of_range",
       {{"member_id", c}, {"rule", "absent"}, {"limit", "0"}, {"value", "2"}}},
      {"shares as a single operation",
       g,
       {{"type", "shares"}, {"date", day}, {"member_id", c}, {"shares", 7}},
       "shares_out_of_range",
       {{"member_id", c}, {"rule", "max_shares"}, {"limit", "5"}, {"value", "7"}}},
      {"a loan above 3 times the shares",
       g,
       meeting(day, {{{"member_id", b}, {"loan", {{"amount", "80000"}, {"months", 2}}}}}),
       "loan_limit_exceeded",
       {{"member_id", b}, {"rule", "loan_multiple"}, {"limit", "75000.00"}, {"value", "80000.00"}}},
      // The shares bought at the meeting count: 30,000 of shares allow 90,000.
      {"a loan above 3 times the shares after the meeting",
       g,
       meeting(day, {{{"member_id", b}, {"shares", 1}, {"loan", {{"amount", "95000"}, {"months", 2}}}}}),
       "loan_limit_exceeded",
       {{"member_id", b}, {"rule", "loan_multiple"}, {"limit", "90000.00"}, {"value", "95000.00"}}},
      // Loan 1 fell due on 5 February and is unpaid.
      {"a loan while one is in arrears",
       g,
       meeting("2026-02-10", {{{"member_id", a}, {"loan", {{"amount", "1000"}, {"months", 1}}}}}),
       "loan_in_arrears",
       {{"member_id", a}, {"rule", "loan_in_arrears"}, {"loan_id", 1}, {"value", "5"}}},
      {"a single loan while one is in arrears",
       g,
       {{"type", "loan"}, {"date", "2026-02-10"}, {"member_id", a}, {"amount", "1000"}, {"months", 1}},
       "loan_in_arrears",
       {{"member_id", a}, {"rule", "loan_in_arrears"}, {"loan_id", 1}, {"value", "5"}}},
      // The loan fund holds 15,000, and b's 5 new shares (25,000) come in before the loan goes out.
      {"a loan above the loan fund's cash",
       g,
       meeting(day, {{{"member_id", b}, {"shares", 5}, {"loan", {{"amount", "40000.01"}, {"months", 1}}}}}),
       "insufficient_funds",
       {{"account", "1010"}, {"available", "40000.00"}, {"amount", "40000.01"}}},
      // The social fund holds 4,000, and b's contribution (1,000) comes in before the grant goes out.
      {"a grant above the social fund's cash",
       g,
       meeting(day, {{{"member_id", b},
                      {"shares", 1},
                      {"social_fund", true},
                      {"grant", {{"amount", "5000.01"}, {"reason", "flood"}}}}}),
       "insufficient_funds",
       {{"account", "1020"}, {"available", "5000.00"}, {"amount", "5000.01"}}},
      {"a single grant above the social fund's cash",
       g,
       {{"type", "grant"}, {"date", day}, {"member_id", c}, {"amount", "4000.01"}, {"reason", "flood"}},
       "insufficient_funds",
       {{"account", "1020"}, {"available", "4000.00"}, {"amount", "4000.01"}}},
      // a owes 60,000 and no interest yet (due 5 February).
      {"a repayment above what is owed",
       g,
       meeting(day, {{{"member_id", a}, {"repay", {{{"loan_id", 1}, {"amount", "60000.01"}}}}}}),
       "overpayment",
       {{"member_id", a},
        {"loan_id", 1},
        {"rule", "overpayment"},
        {"limit", "60000.00"},
        {"value", "60000.01"}}},
      {"a single repayment above what is owed",
       g,
       {{"type", "repayment"}, {"date", day}, {"loan_id", 1}, {"amount", "70000"}},
       "overpayment",
       {{"member_id", a},
        {"loan_id", 1},
        {"rule", "overpayment"},
        {"limit", "60000.00"},
        {"value", "70000.00"}}},
      // a's payout is 25,000 (the fund is the 75,000 of shares; no income yet).
      {"a share-out while a payout does not cover a loan",
       g,
       {{"type", "share_out"}, {"date", day}},
       "loan_outstanding",
       {{"member_id", a}, {"rule", "loan_outstanding"}, {"limit", "25000.00"}, {"value", "60000.00"}}},
      {"a member leaving whose savings do not cover a loan",
       g,
       {{"type", "member_exit"}, {"date", day}, {"member_id", a}},
       "loan_outstanding",
       {{"member_id", a}, {"rule", "loan_outstanding"}, {"limit", "25000.00"}, {"value", "60000.00"}}},
      // After b's share the loan fund holds 20,000 and the social fund 4,000.
      {"a loan fund counted wrong",
       g,
       meeting(day, {{{"member_id", b}, {"shares", 1}}},
               {{"counted", {{"loan_fund", "1"}, {"social_fund", "4000"}}}}),
       "cash_mismatch",
       {{"rule", "cash_mismatch"}, {"box", "loan_fund"}, {"counted", "1.00"}, {"books", "20000.00"}}},
      {"a social fund counted wrong",
       g,
       meeting(day, {{{"member_id", b}, {"shares", 1}}},
               {{"counted", {{"loan_fund", "20000"}, {"social_fund", "3999.99"}}}}),
       "cash_mismatch",
       {{"rule", "cash_mismatch"}, {"box", "social_fund"}, {"counted", "3999.99"}, {"books", "4000.00"}}},
      {"a meeting in a group with no cycle",
       books.no_cycle,
       meeting(day, {{{"member_id", e}, {"shares", 1}}}),
       "no_open_cycle",
       {{"rule", "no_open_cycle"}}},
      {"a meeting before the cycle starts",
       g,
       meeting("2026-01-04", {{{"member_id", a}, {"shares", 1}}}),
       "no_open_cycle",
       {{"rule", "no_open_cycle"}}},
      {"a share-out with no cycle",
       books.no_cycle,
       {{"type", "share_out"}, {"date", day}},
       "no_open_cycle",
       {{"rule", "no_open_cycle"}}},
      {"a member who left, at a meeting",
       g,
       meeting(day, {{{"member_id", d}, {"shares", 1}}}),
       "not_a_member",
       {{"member_id", d}, {"rule", "not_a_member"}}},
      {"a member who left, in a single operation",
       g,
       {{"type", "fine"}, {"date", day}, {"member_id", d}, {"fine", "late"}},
       "not_a_member",
       {{"member_id", d}, {"rule", "not_a_member"}}},
      {"a member who left, leaving again",
       g,
       {{"type", "member_exit"}, {"date", day}, {"member_id", d}},
       "not_a_member",
       {{"member_id", d}, {"rule", "not_a_member"}}},
      {"another group's member, at a meeting",
       g,
       meeting(day, {{{"member_id", e}, {"shares", 1}}}),
       "not_a_member",
       {{"member_id", e}, {"rule", "not_a_member"}}},
      {"another group's member, in a single operation",
       g,
       {{"type", "social_fund"}, {"date", day}, {"member_id", e}},
       "not_a_member",
       {{"member_id", e}, {"rule", "not_a_member"}}},
      {"a meeting in a cooperative",
       books.cooperative,
       meeting(day, {}),
       "wrong_group_kind",
       {{"type", "meeting"}, {"kind", "agri_cooperative"}}},
      {"a share-out in a cooperative",
       books.cooperative,
       {{"type", "share_out"}, {"date", day}},
       "wrong_group_kind",
       {{"type", "share_out"}, {"kind", "agri_cooperative"}}},
  };

  const auto before = table_checksums(books.start.server);
  for (const auto& refused : cases) {
    INFO(refused.name << ": " << json::serialize(refused.body));
    const auto reply = books.post("/operations", refused.body, refused.group);
    INFO(reply.raw.body);
    CHECK(table_checksums(books.start.server) == before);  // this refusal wrote nothing
    CHECK(reply.status == 422);
    CHECK(reply.error_code() == refused.code);
    if (reply.json.is_object() && reply.json.as_object().contains("error")) {
      std::string mismatches;
      for (const auto& m : json_mismatches(refused.details, reply.json.at("error").at("details")))
        mismatches += m + "\n";
      CHECK(mismatches.empty());
    }
  }
  CHECK(table_checksums(books.start.server) == before);

  // One open cycle per group: a second is a 409 conflict, and writes nothing either.
  const auto second_cycle = books.post("/cycles", cycle_body("2026-02-01"));
  CHECK(second_cycle.status == 409);
  CHECK(second_cycle.error_code() == "conflict");
  CHECK(table_checksums(books.start.server) == before);

  // The edges of the same rules are accepted: exactly 3 times the shares after the meeting, exactly the cash
  // in the box with the money that came in first, and exactly what is owed.
  CHECK(books
            .post("/operations",
                  meeting(day,
                          {{{"member_id", b}, {"shares", 5}, {"loan", {{"amount", "40000"}, {"months", 1}}}},
                           {{"member_id", c},
                            {"shares", 1},
                            {"social_fund", true},
                            {"grant", {{"amount", "5000"}, {"reason", "flood"}}}}},
                          {{"counted", {{"loan_fund", "5000"}, {"social_fund", "0"}}}}))
            .status == 201);
  CHECK(books.post("/operations", {{"type", "repayment"}, {"date", day}, {"loan_id", 1}, {"amount", "60000"}})
            .status == 201);
}

TEST_CASE("a meeting is idempotent: the same key and body answer 200 with the same body, another body 409",
          "[api][savings][idempotency]") {
  savings_books books;
  auto& admin = books.start.admin;
  const auto target = group_path(books.start.group, "/operations");
  const auto body = meeting("2026-01-19", {{{"member_id", books.b}, {"shares", 2}, {"social_fund", true}}});
  const auto first = admin.post(target, body, idempotency("meeting-19"));
  REQUIRE(first.status == 201);
  const auto checksums = table_checksums(books.start.server);
  const auto again = admin.post(target, body, idempotency("meeting-19"));
  CHECK(again.status == 200);
  CHECK(again.raw.body == first.raw.body);
  const auto other = meeting("2026-01-19", {{{"member_id", books.b}, {"shares", 3}, {"social_fund", true}}});
  const auto conflict = admin.post(target, other, idempotency("meeting-19"));
  CHECK(conflict.status == 409);
  CHECK(conflict.error_code() == "idempotency_conflict");
  CHECK(table_checksums(books.start.server) == checksums);
}

TEST_CASE("reversing a meeting undoes the loans it made, and is refused once one of them has a repayment",
          "[api][savings][reversal]") {
  savings_books books;
  auto& admin = books.start.admin;
  const auto g = books.start.group;
  // Meeting of 19 January: b buys 5 shares and borrows 30,000 (loan 2); c borrows 20,000 (loan 3).
  const auto made = books.post(
      "/operations",
      meeting("2026-01-19",
              {{{"member_id", books.b}, {"shares", 5}, {"loan", {{"amount", "30000"}, {"months", 2}}}},
               {{"member_id", books.c}, {"loan", {{"amount", "10000"}, {"months", 1}}}}}));
  REQUIRE(made.status == 201);
  const auto meeting_id = made.json.at("id").as_int64();
  CHECK(json_mismatches(json::array{{{"loan_id", 2}, {"member_id", books.b}, {"amount", "30000.00"}},
                                    {{"loan_id", 3}, {"member_id", books.c}, {"amount", "10000.00"}}},
                        made.json.at("loans"))
            .empty());
  CHECK(admin.get(group_path(g, "/loans?as_of=2026-01-31")).json.at("items").as_array().size() == 3);

  // A repayment on loan 2 stands: the meeting cannot be reversed.
  const auto repaid = books.post(
      "/operations", {{"type", "repayment"}, {"date", "2026-01-26"}, {"loan_id", 2}, {"amount", "5000"}});
  REQUIRE(repaid.status == 201);
  const auto reverse_path = "/operations/" + std::to_string(meeting_id) + "/reverse";
  const auto checksums = table_checksums(books.start.server);
  const auto refused = books.post(reverse_path, {{"reason", "typed twice"}});
  CHECK(refused.status == 409);
  CHECK(refused.error_code() == "conflict");
  CHECK(table_checksums(books.start.server) == checksums);

  // Once the repayment is reversed, so is the meeting: its loans are gone, its cash back.
  const auto undo_repayment =
      books.post("/operations/" + std::to_string(repaid.json.at("id").as_int64()) + "/reverse",
                 {{"date", "2026-01-31"}, {"reason", "wrong loan"}});
  REQUIRE(undo_repayment.status == 201);
  const auto reversed = books.post(reverse_path, {{"date", "2026-01-31"}, {"reason", "typed twice"}});
  CHECK(reversed.status == 201);
  const auto loans = admin.get(group_path(g, "/loans?as_of=2026-01-31"));
  REQUIRE(loans.json.at("items").as_array().size() == 1);
  CHECK(loans.json.at("items").at(0).at("id") == 1);
  const auto trial = admin.get(group_path(g, "/reports/trial-balance?as_of=2026-01-31"));
  // The loan fund holds what it did before the meeting: 15,000 (both reversals are dated 31 January).
  std::string loan_fund = "(no row)";
  for (const auto& row : trial.json.at("currencies").at(0).at("rows").as_array())
    if (row.at("code") == "1010") loan_fund = std::string(row.at("debit").as_string());
  CHECK(loan_fund == "15000.00");
  // The loans can no longer be repaid; the reversal is not repeated.
  CHECK(books
            .post("/operations",
                  {{"type", "repayment"}, {"date", "2026-01-31"}, {"loan_id", 2}, {"amount", "1000"}})
            .status == 404);
  CHECK(books.post(reverse_path, {{"reason", "again"}}).status == 409);
}
