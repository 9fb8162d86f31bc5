// GET .../members/{mid}/trades: what one member sold to the cooperative and bought from it, for the member's
// page; a reversed operation's trade left out, dates narrowing it, a member reading their own only.
#include "tests/api/coop_test_support.hpp"

#include <catch2/catch.hpp>

#include <tuple>

using namespace samaki::api_test;

TEST_CASE("a member's trades with the cooperative", "[api][coop][trades]") {
  kind_with_treasurer start("agri_cooperative");
  auto& t = start.treasurer;
  const auto g = start.group;
  const auto a = create_member(t, g, "Vanna"), b = create_member(t, g, "Sophea");
  // Everything on credit: no cash is needed. The input is bought before it is sold.
  for (auto [member, date, kg] : {std::tuple{a, "2025-11-01", "1250.5"}, std::tuple{b, "2025-11-03", "500"}})
    must_record(t, g,
                {{"type", "produce_purchase"},
                 {"date", date},
                 {"member_id", member},
                 {"crop", "rice"},
                 {"quantity_kg", kg},
                 {"price_per_kg", "1000"},
                 {"on_credit", true}});
  auto undone = must_record(t, g,
                            {{"type", "produce_purchase"},
                             {"date", "2025-11-02"},
                             {"member_id", a},
                             {"crop", "rice"},
                             {"quantity_kg", "10"},
                             {"price_per_kg", "1000"},
                             {"on_credit", true}});
  must_record(t, g,
              {{"type", "input_purchase"},
               {"date", "2025-02-01"},
               {"supplier", "Agro shop"},
               {"item", "urea"},
               {"quantity", "10"},
               {"unit", "bag"},
               {"amount", "400000"},
               {"on_credit", true}});
  must_record(t, g,
              {{"type", "input_sale"},
               {"date", "2025-03-01"},
               {"member_id", a},
               {"item", "urea"},
               {"quantity", "6"},
               {"unit", "bag"},
               {"amount", "240000"},
               {"cost", "160000"},
               {"on_credit", true}});
  const auto undone_id = undone.json.at("id").as_int64();
  REQUIRE(t.post(group_path(g, "/operations/" + std::to_string(undone_id) + "/reverse"), {{"reason", "typo"}},
                 idempotency("undo"))
              .status == 201);

  const auto path = group_path(g, "/members/" + std::to_string(a) + "/trades");
  auto all = t.get(path);
  REQUIRE(all.status == 200);
  const auto& items = all.json.at("items").as_array();
  REQUIRE(items.size() == 2);  // the input sale and the first purchase; not the reversed one, nor b's
  CHECK(items.at(0).at("type") == "input_sale");
  CHECK(items.at(0).at("item") == "urea");
  CHECK(items.at(0).at("quantity") == "6");
  CHECK(items.at(0).at("unit") == "bag");
  CHECK(items.at(0).at("amount") == "240000.00");
  CHECK(items.at(1).at("type") == "produce_purchase");
  CHECK(items.at(1).at("date") == "2025-11-01");
  CHECK(items.at(1).at("quantity") == "1250.5");
  CHECK(items.at(1).at("unit") == "kg");
  CHECK(items.at(1).at("amount") == "1250500.00");
  CHECK(items.at(1).at("currency") == "KHR");

  auto later = t.get(path + "?from=2025-06-01");
  REQUIRE(later.status == 200);
  CHECK(later.json.at("items").as_array().size() == 1);
  CHECK(t.get(path + "?from=2025-13-01").error_code() == "invalid_date");
  CHECK(t.get(group_path(g, "/members/999999/trades")).status == 404);

  // A member reads their own trades, not another member's.
  auto member = signed_in_as(start.server, "member", {g}, a);
  CHECK(member.get(path).status == 200);
  CHECK(member.get(group_path(g, "/members/" + std::to_string(b) + "/trades")).status == 404);
}
