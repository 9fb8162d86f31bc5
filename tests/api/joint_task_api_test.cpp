// A joint-task committee over HTTP (operations.md, "Joint-task committees"): harvest sales, labour with the
// days members worked, the committee's allocation (closing into 3060, then the village fund, reinvestment
// and each member's part by work days or equally in whole cash units), paying it out, and the harvest report.
#include "tests/api/coop_test_support.hpp"
#include "tests/api/refusal_support.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

using namespace samaki::api_test;
using boost::json::object;

TEST_CASE("a committee's harvest: sales, labour by work days, allocation, payment and the harvest report",
          "[api][joint_task]") {
  kind_with_treasurer start("joint_task");
  auto& t = start.treasurer;
  const auto g = start.group;
  const auto a = create_member(t, g, "Rith"), b = create_member(t, g, "Bopha"),
             c = create_member(t, g, "Kosal");

  // First harvest: 2,000 kg of cashew at 4,000 riel, and $300 of it to an exporter at 4,100 riel a dollar.
  auto sold = must_record(t, g,
                          {{"type", "harvest_sale"},
                           {"date", "2026-03-01"},
                           {"crop", "cashew"},
                           {"quantity_kg", "2000"},
                           {"price_per_kg", "4000"},
                           {"buyer", "Trader"}});
  CHECK(sold.json.at("entries").at(0).at("lines").at(1).at("account") == "4010");
  must_record(t, g,
              {{"type", "harvest_sale"},
               {"date", "2026-03-02"},
               {"crop", "cashew"},
               {"quantity_kg", "200"},
               {"price_per_kg", "1.50"},
               {"currency", "USD"},
               {"rate", "4100"},
               {"buyer", "Exporter"}});
  must_record(
      t, g,
      {{"type", "expense"},
       {"date", "2026-03-03"},
       {"account", "5010"},
       {"amount", "600000"},
       {"work_days", boost::json::array{{{"member_id", a}, {"days", 4}}, {{"member_id", b}, {"days", 2}}}}});
  must_record(t, g, {{"type", "expense"}, {"date", "2026-03-04"}, {"account", "5020"}, {"amount", "330000"}});
  // Income 8,000,000 + 1,230,000; costs 930,000: surplus 8,300,000. Members get 3,000,050 by 4 : 2 days:
  // 30,000 units of 100 riel -> 20,000 and 10,000; the 50 riel stays on 3060.
  auto allocated = must_record(
      t, g,
      {{"type", "allocation"},
       {"date", "2026-03-10"},
       {"decision", "Minutes p. 12"},
       {"village_fund", "2000000"},
       {"reinvest", "1000000"},
       {"members",
        {{"amount", "3000050"}, {"split", "work_days"}, {"from", "2026-02-01"}, {"to", "2026-03-10"}}}});
  const auto& entries = allocated.json.at("entries").as_array();
  REQUIRE(entries.size() == 2);
  CHECK(entries.at(0).at("metadata").at("closing") == "2026-03-10");
  CHECK(allocated.json.at("surplus") == "8300000.00");
  CHECK(member_balance(t, g, "2020", a) == "2000000.00");
  CHECK(member_balance(t, g, "2020", b) == "1000000.00");
  CHECK(member_balance(t, g, "2020", c) == "0.00");
  CHECK(balance(t, g, "3010") == "2000000.00");
  CHECK(balance(t, g, "3020") == "1000000.00");
  CHECK(balance(t, g, "3060") == "2300000.00");
  CHECK(balance(t, g, "4010") == "0.00");

  // Second harvest, split equally over the three members: 100,000 riel is 1,000 units of 100 riel, 334 + 333
  // + 333, the unit left over to the lowest id.
  must_record(t, g,
              {{"type", "harvest_sale"},
               {"date", "2026-06-01"},
               {"crop", "cashew"},
               {"quantity_kg", "100"},
               {"price_per_kg", "4000"},
               {"buyer", "Trader"}});
  must_record(t, g,
              {{"type", "allocation"},
               {"date", "2026-06-02"},
               {"decision", "Minutes p. 15"},
               {"members", {{"amount", "100000"}, {"split", "equal"}}}});
  CHECK(member_balance(t, g, "2020", a) == "2033400.00");
  CHECK(member_balance(t, g, "2020", c) == "33300.00");

  // Refused, nothing written: more than the surplus; work days on an account that is not labour; a split
  // by work days with none recorded; days of a member of another group.
  const auto target = group_path(g, "/operations");
  auto body = [](object o) {
    o["date"] = "2026-06-03";
    return boost::json::serialize(o);
  };
  const auto stranger = create_member(start.admin, create_group(start.admin, "joint_task"), "Stranger");
  const auto before = table_checksums(start.server);
  check_refused(
      t, {
             {"more than the surplus", target,
              body({{"type", "allocation"}, {"decision", "x"}, {"village_fund", "2600001"}}),
              idempotency("r1"), 422, "insufficient_funds"},
             {"nothing to allocate", target, body({{"type", "allocation"}, {"decision", "x"}}),
              idempotency("r2"), 400, "bad_request"},
             {"work days on inputs", target,
              body({{"type", "expense"},
                    {"account", "5020"},
                    {"amount", "1000"},
                    {"work_days", boost::json::array{{{"member_id", a}, {"days", 1}}}}}),
              idempotency("r3"), 400, "bad_request"},
             {"no work days in the range", target,
              body({{"type", "allocation"},
                    {"decision", "x"},
                    {"members",
                     {{"amount", "1000"},
                      {"split", "work_days"},
                      {"from", "2026-05-01"},
                      {"to", "2026-05-31"}}}}),
              idempotency("r4"), 400, "bad_request"},
             {"days of a member of another group", target,
              body({{"type", "expense"},
                    {"account", "5010"},
                    {"amount", "1000"},
                    {"work_days", boost::json::array{{{"member_id", stranger}, {"days", 1}}}}}),
              idempotency("r5"), 422, "not_a_member"},
             {"an allocation dated before the last one", target,
              boost::json::serialize(object{
                  {"type", "allocation"}, {"date", "2026-06-01"}, {"decision", "x"}, {"reinvest", "1"}}),
              idempotency("r6"), 409, "conflict"},
             {"a cooperative's operation", target,
              body({{"type", "share_capital"}, {"member_id", a}, {"amount", "1"}, {"direction", "buy"}}),
              idempotency("r7"), 422, "wrong_group_kind"},
         });
  CHECK(table_checksums(start.server) == before);

  // Paying out everything owed to members, then nothing is left to pay.
  auto paid = must_record(t, g, {{"type", "pay_distribution"}, {"date", "2026-06-05"}});
  CHECK(paid.json.at("entries").at(0).at("lines").as_array().size() == 4);
  CHECK(balance(t, g, "2020") == "0.00");
  CHECK(record_operation(t, g, {{"type", "pay_distribution"}, {"date", "2026-06-05"}}, "pay-again").status ==
        400);

  // The harvest report: two harvests closed by their allocations, the year's totals.
  auto report = t.get(group_path(g, "/reports/harvest?year=2026"));
  REQUIRE(report.status == 200);
  const auto& harvests = report.json.at("harvests").as_array();
  REQUIRE(harvests.size() == 2);
  CHECK(harvests.at(0).at("to") == "2026-03-10");
  CHECK(harvests.at(0).at("allocation").at("decision") == "Minutes p. 12");
  CHECK(harvests.at(0).at("income_statement").at("currencies").at(0).at("net_result") == "8300000.00");
  const auto& sales = harvests.at(0).at("sales").as_array();
  REQUIRE(sales.size() == 2);
  CHECK(harvests.at(1).at("from") == "2026-03-11");
  CHECK(harvests.at(1).at("income_statement").at("currencies").at(0).at("total_income") == "400000.00");
  CHECK(report.json.at("year_totals").at("village_fund") == "2000000.00");
  CHECK(report.json.at("year_totals").at("members") == "3100000.00");
  auto csv = t.get(group_path(g, "/reports/harvest?year=2026&format=csv"));
  CHECK(csv.status == 200);
  CHECK(csv.raw.body.find("Minutes p. 12") != std::string::npos);
  // A cooperative has no harvest report.
  auto coop = create_group(start.admin, "agri_cooperative");
  CHECK(start.admin.get(group_path(coop, "/reports/harvest?year=2026")).error_code() == "wrong_group_kind");
}
