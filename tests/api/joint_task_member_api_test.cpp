// A joint-task committee member's page and the allocation form's figure, over HTTP:
// GET .../reports/allocation-surplus?as_of= (what an allocation that day may share, the same figure the
// allocation refuses above) and GET .../members/{mid}/harvests (work days per harvest, share of each
// allocation, what was given, paid and is still owed; a member reads their own only).
#include "tests/api/coop_test_support.hpp"

#include <catch2/catch.hpp>

using namespace samaki::api_test;

TEST_CASE("the surplus an allocation may share, and a committee member's harvests", "[api][joint_task]") {
  kind_with_treasurer start("joint_task");
  auto& t = start.treasurer;
  const auto g = start.group;
  const auto a = create_member(t, g, "Rith"), b = create_member(t, g, "Bopha");
  const auto surplus = [&](const std::string& day) {
    return t.get(group_path(g, "/reports/allocation-surplus?as_of=" + day));
  };

  must_record(t, g,
              {{"type", "harvest_sale"},
               {"date", "2026-03-01"},
               {"crop", "cashew"},
               {"quantity_kg", "1000"},
               {"price_per_kg", "3000"},
               {"buyer", "Trader"}});
  must_record(
      t, g,
      {{"type", "expense"},
       {"date", "2026-03-03"},
       {"account", "5010"},
       {"amount", "500000"},
       {"work_days", boost::json::array{{{"member_id", a}, {"days", 3}}, {{"member_id", b}, {"days", 1}}}}});

  // Before the labour: the sale only; after it: 3,000,000 - 500,000. Nothing carried on 3060 yet.
  auto early = surplus("2026-03-02");
  REQUIRE(early.status == 200);
  CHECK(early.json.at("surplus") == "3000000.00");
  auto day = surplus("2026-03-10");
  REQUIRE(day.status == 200);
  CHECK(day.json.at("as_of") == "2026-03-10");
  CHECK(day.json.at("currency") == "KHR");
  CHECK(day.json.at("carried") == "0.00");
  CHECK(day.json.at("result") == "2500000.00");
  CHECK(day.json.at("surplus") == "2500000.00");
  CHECK(day.json.at("last_allocation").is_null());

  // An allocation of exactly that figure is taken; one riel more is refused with it as the limit.
  auto over = record_operation(t, g,
                               {{"type", "allocation"},
                                {"date", "2026-03-10"},
                                {"decision", "Minutes p. 3"},
                                {"village_fund", "2500001"}},
                               "over");
  CHECK(over.error_code() == "insufficient_funds");
  CHECK(over.json.at("error").at("details").at("limit") == "2500000.00");
  must_record(
      t, g,
      {{"type", "allocation"},
       {"date", "2026-03-10"},
       {"decision", "Minutes p. 3"},
       {"village_fund", "499950"},
       {"members",
        {{"amount", "2000050"}, {"split", "work_days"}, {"from", "2026-03-01"}, {"to", "2026-03-10"}}}});
  // 20,000 units of 100 riel by 3 : 1 days -> 15,000 and 5,000 units; the 50 riel short of a unit stays on
  // 3060 and is carried into the next allocation's figure.
  auto after = surplus("2026-03-11");
  REQUIRE(after.status == 200);
  CHECK(after.json.at("carried") == "50.00");
  CHECK(after.json.at("result") == "0.00");
  CHECK(after.json.at("last_allocation") == "2026-03-10");

  // A second harvest still open: a's labour after the allocation.
  must_record(t, g,
              {{"type", "expense"},
               {"date", "2026-04-01"},
               {"account", "5010"},
               {"amount", "100000"},
               {"work_days", boost::json::array{{{"member_id", a}, {"days", 2}}}}});
  must_record(t, g, {{"type", "pay_distribution"}, {"date", "2026-04-02"}, {"member_id", a}});

  const auto page = [&](api_client& c, std::int64_t m) {
    return c.get(group_path(g, "/members/" + std::to_string(m) + "/harvests"));
  };
  auto mine = page(t, a);
  REQUIRE(mine.status == 200);
  CHECK(mine.json.at("currency") == "KHR");
  const auto& harvests = mine.json.at("harvests").as_array();
  REQUIRE(harvests.size() == 2);
  CHECK(harvests.at(0).at("from").is_null());
  CHECK(harvests.at(0).at("to") == "2026-03-10");
  CHECK(harvests.at(0).at("work_days") == 3);
  CHECK(harvests.at(0).at("weight") == 3);
  CHECK(harvests.at(0).at("share") == "1500000.00");
  CHECK(harvests.at(0).at("allocation").at("decision") == "Minutes p. 3");
  CHECK(harvests.at(0).at("allocation").at("split") == "work_days");
  CHECK(harvests.at(1).at("from") == "2026-03-11");
  CHECK(harvests.at(1).at("to").is_null());
  CHECK(harvests.at(1).at("allocation").is_null());
  CHECK(harvests.at(1).at("work_days") == 2);
  CHECK(harvests.at(1).at("share").is_null());
  CHECK(mine.json.at("allocated") == "1500000.00");
  CHECK(mine.json.at("paid") == "1500000.00");
  CHECK(mine.json.at("owed") == "0.00");
  // b was not paid yet, and did no work in the open harvest: it is not listed for them.
  auto theirs = page(t, b);
  REQUIRE(theirs.status == 200);
  CHECK(theirs.json.at("harvests").as_array().size() == 1);
  CHECK(theirs.json.at("harvests").at(0).at("share") == "500000.00");
  CHECK(theirs.json.at("owed") == "500000.00");
  CHECK(theirs.json.at("paid") == "0.00");

  // A member reads their own page, not another's; a bad date and another kind of group are refused.
  auto member = signed_in_as(start.server, "member", {g}, a);
  CHECK(page(member, a).status == 200);
  CHECK(page(member, b).status == 404);
  CHECK(surplus("2026-02-30").error_code() == "invalid_date");
  auto coop = create_group(start.admin, "agri_cooperative");
  const auto coop_member = create_member(start.admin, coop, "Dara");
  CHECK(start.admin.get(group_path(coop, "/reports/allocation-surplus")).error_code() == "wrong_group_kind");
  CHECK(start.admin.get(group_path(coop, "/members/" + std::to_string(coop_member) + "/harvests"))
            .error_code() == "wrong_group_kind");
}
