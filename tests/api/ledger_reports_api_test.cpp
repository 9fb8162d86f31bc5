// Periods and seals, the trial balance (JSON and CSV), verify and the audit trail over HTTP.
#include "tests/api/ledger_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace samaki::api_test;

TEST_CASE("a closed period's seal, the trial balance, verify and the audit trail", "[api][ledger]") {
  group_with_treasurer start;
  auto& [server, admin, group, treasurer] = start;
  const auto other = create_group(admin);
  const auto member = create_member(treasurer, group, "Sophea");
  auto staff = signed_in_as(server, "staff", {group});
  auto reader = signed_in_as(server, "member", {group}, member);

  REQUIRE(treasurer
              .post(group_path(group, "/entries"), share_purchase("2026-01-10", "20000", member),
                    idempotency("jan"))
              .status == 201);
  const auto closed =
      treasurer.post(group_path(group, "/periods"), {{"through", "2026-01-31"}, {"kind", "cycle"}});
  REQUIRE(closed.status == 201);
  CHECK(closed.json.at("kind") == "cycle");
  CHECK(closed.json.at("seal").at("words").as_array().size() == 6);
  CHECK(staff.post(group_path(group, "/periods"), {{"through", "2026-02-28"}, {"kind", "month"}}).status ==
        403);
  CHECK(reader.get(group_path(group, "/periods")).json.at("items").at(0) == closed.json);

  const auto code = std::string(closed.json.at("seal").at("code").as_string());
  const auto verified = reader.get(group_path(group, "/verify?seal=" + code));
  REQUIRE(verified.status == 200);
  CHECK(verified.json.at("ok") == true);
  CHECK(verified.json.at("entries") == 1);
  CHECK(verified.json.at("head") == closed.json.at("seal").at("head"));
  CHECK(verified.json.at("seal_ok") == true);
  CHECK(reader.get(group_path(other, "/verify")).status == 404);

  const auto balance = reader.get(group_path(group, "/reports/trial-balance?as_of=2026-12-31"));
  REQUIRE(balance.status == 200);
  const auto& khr = balance.json.at("currencies").at(0);
  CHECK(khr.at("total_debit") == "20000.00");
  CHECK(khr.at("total_credit") == "20000.00");
  const auto csv = staff.get(group_path(group, "/reports/trial-balance?format=csv"));
  REQUIRE(csv.status == 200);
  CHECK(csv.header("Content-Type") == "text/csv; charset=utf-8");
  CHECK(csv.raw.body.starts_with("currency,code,name,name_km,type,debit,credit\r\n"));
  CHECK_THAT(csv.raw.body, Catch::Contains("KHR,3010,"));

  const auto all = admin.get("/api/v1/audit");
  REQUIRE(all.status == 200);
  std::vector<std::string> actions;
  for (const auto& r : all.json.at("items").as_array()) actions.emplace_back(r.at("action").as_string());
  CHECK(std::count(actions.begin(), actions.end(), "group.create") == 2);
  CHECK(std::count(actions.begin(), actions.end(), "period.close") == 1);
  const auto mine = staff.get("/api/v1/audit");
  REQUIRE(mine.status == 200);
  for (const auto& r : mine.json.at("items").as_array()) CHECK(r.at("group_id") == group);
  CHECK(staff.get("/api/v1/audit?group_id=" + std::to_string(other)).status == 404);
  CHECK(treasurer.get("/api/v1/audit").status == 403);
}
