// GET .../members/{mid}/trades: what one member sold to the cooperative and bought from it, for the member's
// page; a reversed operation's trade left out, dates narrowing it, a member reading their own only.
#include "tests/api/coop_test_support.hpp"

#include <catch2/catch.hpp>

using namespace samaki::api_test;

TEST_CASE("a member's trades with the cooperative", "[api][coop][trades]") {
  kind_with_treasurer start("agri_cooperative");
  auto& t = start.treasurer;
  const auto g = start.group;
  const auto a = create_member(t, g, "Vanna"), b = create_member(t, g, "Sophea");
  must_record(t, g,
              {{"type", "share_capital"},
               {"date", "2025-01-10"},
               {"member_id", a},
               {"amount", "900000"},
               {"direction", "buy"}});
  must_record(t, g,
              {{"type", "input_purchase"},
               {"date", "2025-02-01"},
               {"supplier", "Shop"},
               {"item", "urea"},
               {"quantity", "20"},
               {"unit", "bag"},
               {"amount", "600000"}});
  must_record(t, g,
              {{"type", "input_sale"},
               {"date", "2025-03-01"},
               {"member_id", a},
               {"item", "urea"},
               {"quantity", "8"},
               {"unit", "bag"},
               {"amount", "300000"},
               {"cost", "200000"}});
  must_record(t, g,
              {{"type", "produce_purchase"},
               {"date", "2025-11-01"},
               {"member_id", a},
               {"crop", "rice"},
               {"quantity_kg", "1250.5"},
               {"price_per_kg", "1000"},
               {"on_credit", true}});
  auto undone = must_record(t, g,
                            {{"type", "produce_purchase"},
                             {"date", "2025-11-02"},
                             {"member_id", a},
                             {"crop", "rice"},
                             {"quantity_kg", "10"},
                             {"price_per_kg", "1000"}});
  must_record(t, g,
              {{"type", "produce_purchase"},
               {"date", "2025-11-03"},
               {"member_id", b},
               {"crop", "rice"},
               {"quantity_kg", "500"},
               {"price_per_kg", "1000"},
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
  CHECK(items.at(0).at("quantity") == "8");
  CHECK(items.at(0).at("unit") == "bag");
  CHECK(items.at(0).at("amount") == "300000.00");
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
