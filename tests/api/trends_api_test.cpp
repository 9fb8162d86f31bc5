// GET .../reports/trends over HTTP: a savings group's loan fund at each meeting of its cycle, income and
// expenses by month, PAR30 at each month's end (worked by hand below), a cooperative's months without PAR,
// the default year of months, and the refusals of a bad range.
#include "tests/api/ledger_test_support.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <vector>

using namespace samaki::api_test;
namespace json = boost::json;

namespace {

json::value cycle_body(std::string_view start) {
  return {{"start", start},
          {"share_value", "5000"},
          {"min_shares", 0},
          {"max_shares", 5},
          {"loan_multiple", 3},
          {"interest", {{"percent_per_month", "2"}, {"method", "flat"}}},
          {"social_fund_per_meeting", "1000"},
          {"cash_unit", "100"},
          {"fines", json::array{{{"code", "late"}, {"name", "Late"}, {"amount", "500"}}}}};
}

std::string text(const json::value& v, std::string_view key) {
  const auto& field = v.at(key);
  return field.is_null() ? "null" : std::string(field.as_string());
}

}  // namespace

// The cycle starts on 5 January 2026 with members a, b, c.
//   5 Jan meeting: 5 shares each (75,000), social fund 1,000 each (box 1020); a borrows 60,000 for a month
//                  at 2% flat (due 5 Feb). Savings 75,000; loan-fund box 15,000; loans 60,000.
//  12 Jan meeting: 2 shares each (+30,000); b fined 500; b borrows 20,000 for a month (due 12 Feb, never
//                  repaid). Savings 105,000; box 15,000 + 30,000 + 500 - 20,000 = 25,500; loans 80,000.
//  16 Feb meeting: a repays 61,200 (1,200 interest, then 60,000). Savings 105,000; box 86,700; loans 20,000.
//  20 Feb entry:   stationery 300 (Dr 5010 / Cr 1010), after the last meeting.
// Months: December 2025 before the cycle (no PAR30); January income 500; February income 1,200 and
// expenses 300, PAR30 0 at 28 Feb (b is 16 days late); March nothing moved, b 47 days late: PAR30 1.
TEST_CASE("trends: the loan fund by meeting, income and expenses by month, PAR30 at month ends",
          "[api][reports][trends]") {
  group_with_treasurer start;
  // Plain references, not a structured binding: clang 14 cannot capture a binding in a lambda.
  auto& admin = start.admin;
  const auto group = start.group;
  auto& treasurer = start.treasurer;
  int keys = 0;
  const auto post = [&](std::string_view path, const json::value& body) {
    const auto reply =
        treasurer.post(group_path(group, path), body, idempotency("t" + std::to_string(++keys)));
    INFO(json::serialize(reply.json));
    REQUIRE(reply.status == 201);
    return reply.json;
  };
  const auto a = create_member(treasurer, group, "Sokha");
  const auto b = create_member(treasurer, group, "Dara");
  const auto c = create_member(treasurer, group, "Chenda");
  post("/cycles", cycle_body("2026-01-05"));
  const auto meeting = [](std::string_view date, json::array members) {
    return json::value{{"type", "meeting"}, {"date", date}, {"members", std::move(members)}};
  };
  json::array first;
  for (auto m : {a, b, c}) first.push_back({{"member_id", m}, {"shares", 5}, {"social_fund", true}});
  first[0].as_object()["loan"] = {{"amount", "60000"}, {"months", 1}};
  const auto m1 = post("/operations", meeting("2026-01-05", first));
  json::array second;
  for (auto m : {a, b, c}) second.push_back({{"member_id", m}, {"shares", 2}});
  second[1].as_object()["fines"] = json::array{"late"};
  second[1].as_object()["loan"] = {{"amount", "20000"}, {"months", 1}};
  post("/operations", meeting("2026-01-12", second));
  const auto loans = treasurer.get(group_path(group, "/loans?member_id=" + std::to_string(a)));
  REQUIRE(loans.status == 200);
  const auto loan_a = loans.json.at("items").at(0).at("id").as_int64();
  post("/operations",
       meeting("2026-02-16",
               {{{"member_id", a}, {"repay", json::array{{{"loan_id", loan_a}, {"amount", "61200"}}}}},
                {{"member_id", b}},
                {{"member_id", c}}}));
  post("/entries", {{"date", "2026-02-20"},
                    {"memo", "stationery"},
                    {"lines", json::array{{{"account", "5010"}, {"debit", "300"}},
                                          {{"account", "1010"}, {"credit", "300"}}}}});

  const auto reply = treasurer.get(group_path(group, "/reports/trends?from=2025-12-01&to=2026-03-31"));
  INFO(json::serialize(reply.json));
  REQUIRE(reply.status == 200);
  const auto& t = reply.json.as_object();
  CHECK(text(t, "from") == "2025-12-01");
  CHECK(text(t, "to") == "2026-03-31");
  CHECK(text(t, "currency") == "KHR");
  CHECK(text(t.at("cycle"), "start") == "2026-01-05");

  const auto& meetings = t.at("meetings").as_array();
  REQUIRE(meetings.size() == 3);
  const std::vector<std::array<std::string, 4>> fund{{"2026-01-05", "75000.00", "15000.00", "60000.00"},
                                                     {"2026-01-12", "105000.00", "25500.00", "80000.00"},
                                                     {"2026-02-16", "105000.00", "86700.00", "20000.00"}};
  for (std::size_t i = 0; i < fund.size(); ++i) {
    INFO("meeting " << i);
    CHECK(text(meetings[i], "date") == fund[i][0]);
    CHECK(text(meetings[i], "savings") == fund[i][1]);
    CHECK(text(meetings[i], "loan_fund_cash") == fund[i][2]);
    CHECK(text(meetings[i], "loans_outstanding") == fund[i][3]);
  }
  CHECK(meetings[0].at("operation_id") == m1.at("id"));

  const auto& months = t.at("months").as_array();
  REQUIRE(months.size() == 4);
  const std::vector<std::array<std::string, 6>> by_month{
      {"2025-12", "2025-12-31", "0.00", "0.00", "0.00", "null"},
      {"2026-01", "2026-01-31", "500.00", "0.00", "500.00", "0.0000"},
      {"2026-02", "2026-02-28", "1200.00", "300.00", "900.00", "0.0000"},
      {"2026-03", "2026-03-31", "0.00", "0.00", "0.00", "1.0000"}};
  for (std::size_t i = 0; i < by_month.size(); ++i) {
    INFO("month " << i);
    CHECK(text(months[i], "month") == by_month[i][0]);
    CHECK(text(months[i], "to") == by_month[i][1]);
    CHECK(text(months[i], "income") == by_month[i][2]);
    CHECK(text(months[i], "expenses") == by_month[i][3]);
    CHECK(text(months[i], "net") == by_month[i][4]);
    CHECK(text(months[i], "par30") == by_month[i][5]);
  }

  // A range cut inside months: the first and last months are cut to it.
  const auto cut = treasurer.get(group_path(group, "/reports/trends?from=2026-01-10&to=2026-02-15"));
  REQUIRE(cut.status == 200);
  REQUIRE(cut.json.at("months").as_array().size() == 2);
  CHECK(text(cut.json.at("months").at(0), "from") == "2026-01-10");
  CHECK(text(cut.json.at("months").at(1), "to") == "2026-02-15");
  CHECK(text(cut.json.at("months").at(1), "income") == "0.00");  // the interest came on 16 Feb

  // Without a range: the twelve months to today.
  const auto year = treasurer.get(group_path(group, "/reports/trends"));
  REQUIRE(year.status == 200);
  CHECK(year.json.at("months").as_array().size() == 12);

  // A cooperative: months, no cycle, no meetings, no PAR30.
  const auto coop = create_group(admin, "agri_cooperative");
  const auto co = admin.get(group_path(coop, "/reports/trends?from=2026-01-01&to=2026-02-28"));
  REQUIRE(co.status == 200);
  CHECK(co.json.at("cycle").is_null());
  CHECK(co.json.at("meetings").as_array().empty());
  CHECK(text(co.json.at("months").at(0), "par30") == "null");

  // Refusals, each naming its field.
  const auto refused = [&](std::string_view query, int status, std::string_view code,
                           std::string_view field) {
    INFO(query);
    const auto r = treasurer.get(group_path(group, std::string("/reports/trends") + std::string(query)));
    CHECK(r.status == status);
    CHECK(r.error_code() == code);
    if (!field.empty()) CHECK(r.json.at("error").at("details").at("field").as_string() == field);
  };
  refused("?from=2026-03-01&to=2026-02-01", 400, "bad_request", "from");
  refused("?from=2016-01-01&to=2026-01-31", 400, "bad_request", "from");  // 121 months
  refused("?to=yesterday", 422, "invalid_date", "to");
  refused("?cycle=abc", 400, "bad_request", "cycle");
  refused("?cycle=999999", 404, "not_found", "cycle");
  CHECK(treasurer.get(group_path(group, "/reports/trends?from=2016-02-01&to=2026-01-31")).status == 200);
}
