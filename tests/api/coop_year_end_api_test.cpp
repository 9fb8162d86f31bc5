// A cooperative's by-laws and year end over HTTP: by-laws as dated, audited versions; the appropriation
// previewed, then made by year_end exactly as operations.md says, with the year closed and sealed; the
// closed year refuses back-dated work; the seal verifies after later postings in code and both word lists;
// the annual report and the appropriation as recorded.
#include "tests/api/coop_test_support.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

using namespace samaki::api_test;
using boost::json::object;

namespace {

json_reply put_bylaws(api_client& client, std::int64_t group, const object& body, std::string key) {
  return client.send("PUT", group_path(group, "/bylaws"), boost::json::serialize(body),
                     idempotency(std::move(key)));
}

}  // namespace

TEST_CASE("by-laws: dated versions recorded as operations, idempotent, with their history",
          "[api][coop][bylaws]") {
  kind_with_treasurer start("agri_cooperative");
  auto& t = start.treasurer;
  const auto g = start.group;
  auto none = t.get(group_path(g, "/bylaws"));
  REQUIRE(none.status == 200);
  CHECK(none.json.at("current").at("operation_id").is_null());
  CHECK(none.json.at("current").at("cash_unit") == "100.00");
  CHECK(none.json.at("history").as_array().empty());

  const object first{{"effective_from", "2025-01-01"},
                     {"reserve_percent", "10"},
                     {"education_percent", "5"},
                     {"dividend_cap_percent", "8"},
                     {"patronage_percent", "30"},
                     {"patronage_cash_percent", "40"},
                     {"cash_unit", "100"}};
  auto made = put_bylaws(t, g, first, "bylaws-1");
  REQUIRE(made.status == 201);
  CHECK(made.json.at("current").at("reserve_percent") == "10");
  CHECK(made.json.at("history").as_array().size() == 1);
  // The same key and body: the same answer, nothing new; another body under it: a conflict.
  auto again = put_bylaws(t, g, first, "bylaws-1");
  CHECK(again.status == 200);
  CHECK(again.json.at("operation_id") == made.json.at("operation_id"));
  auto changed = first;
  changed["reserve_percent"] = "12";
  CHECK(put_bylaws(t, g, changed, "bylaws-1").status == 409);
  // A later version keeps what it leaves out.
  auto second = put_bylaws(t, g, {{"effective_from", "2026-01-01"}, {"reserve_percent", "15"}}, "bylaws-2");
  REQUIRE(second.status == 201);
  const auto& history = second.json.at("history").as_array();
  REQUIRE(history.size() == 2);
  CHECK(history.at(1).at("reserve_percent") == "15");
  CHECK(history.at(1).at("patronage_percent") == "30");
  CHECK(second.json.at("current").at("effective_from") == "2026-01-01");
  // Refused: a version before the latest, a share over 100 %, a percentage that is none, no date.
  const auto before = table_checksums(start.server);
  CHECK(put_bylaws(t, g, {{"effective_from", "2025-06-01"}, {"reserve_percent", "1"}}, "b-3").error_code() ==
        "conflict");
  auto too_much = put_bylaws(t, g, {{"effective_from", "2026-02-01"}, {"patronage_percent", "90"}}, "b-4");
  CHECK(too_much.status == 400);
  CHECK(put_bylaws(t, g, {{"effective_from", "2026-02-01"}, {"reserve_percent", "ten"}}, "b-5").status ==
        400);
  CHECK(put_bylaws(t, g, {{"reserve_percent", "1"}}, "b-6").status == 400);
  CHECK(put_bylaws(t, g, {{"effective_from", "2026-02-01"}, {"unknown", "1"}}, "b-7").status == 400);
  CHECK(table_checksums(start.server) == before);
  // A member reads them; a savings group has none.
  auto savings = create_group(start.admin);
  CHECK(start.admin.get(group_path(savings, "/bylaws")).error_code() == "wrong_group_kind");
}

TEST_CASE("year end: the appropriation of operations.md, the year closed and sealed",
          "[api][coop][year_end]") {
  kind_with_treasurer start("agri_cooperative");
  auto& t = start.treasurer;
  const auto g = start.group;
  const auto a = create_member(t, g, "Vanna"), b = create_member(t, g, "Sophea"),
             c = create_member(t, g, "Dara");
  REQUIRE(put_bylaws(t, g,
                     {{"effective_from", "2025-01-01"},
                      {"reserve_percent", "10"},
                      {"education_percent", "5"},
                      {"dividend_cap_percent", "8"},
                      {"patronage_percent", "30"},
                      {"patronage_cash_percent", "40"}},
                     "bylaws")
              .status == 201);
  // 2025: income 400,000 + 1,300,000; expenses 250,000 + 1,000,000 + 50,000; the surplus S is 400,000.
  must_record(t, g,
              {{"type", "share_capital"},
               {"date", "2025-01-10"},
               {"member_id", a},
               {"amount", "1000000"},
               {"direction", "buy"}});
  must_record(t, g,
              {{"type", "share_capital"},
               {"date", "2025-01-10"},
               {"member_id", b},
               {"amount", "500000"},
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
               {"cost", "200000"},
               {"on_credit", true}});
  must_record(t, g,
              {{"type", "input_sale"},
               {"date", "2025-03-02"},
               {"member_id", c},
               {"item", "urea"},
               {"quantity", "2"},
               {"unit", "bag"},
               {"amount", "100000"},
               {"cost", "50000"}});
  must_record(t, g,
              {{"type", "produce_purchase"},
               {"date", "2025-11-01"},
               {"member_id", b},
               {"crop", "rice"},
               {"quantity_kg", "1000"},
               {"price_per_kg", "1000"},
               {"on_credit", true}});
  must_record(t, g,
              {{"type", "produce_sale"},
               {"date", "2025-11-05"},
               {"buyer", "Mill"},
               {"crop", "rice"},
               {"quantity_kg", "1000"},
               {"price_per_kg", "1300"}});
  must_record(t, g, {{"type", "expense"}, {"date", "2025-12-01"}, {"account", "5040"}, {"amount", "50000"}});
  // Work of the next year, recorded before the year end: not part of 2025.
  must_record(t, g, {{"type", "income"}, {"date", "2026-01-05"}, {"account", "4030"}, {"amount", "7000"}});

  // Preview: reserve 40,000; education 20,000; dividends 5 % of 1,000,000 and 500,000; patronage 120,000 =
  // 1,200 units of 100 riel over business 300,000 : 1,000,000 : 100,000 -> 257.14, 857.14, 85.71 units: 257,
  // 857, 85 and the unit left to the largest remainder (Dara's). Cash 40 % rounded down to 100 riel.
  auto preview = t.get(group_path(g, "/reports/appropriation?year=2025&dividend_percent=5"));
  REQUIRE(preview.status == 200);
  CHECK(preview.json.at("recorded") == false);
  CHECK(preview.json.at("surplus") == "400000.00");
  CHECK(preview.json.at("reserve") == "40000.00");
  CHECK(preview.json.at("education") == "20000.00");
  CHECK(preview.json.at("dividends") == "75000.00");
  CHECK(preview.json.at("patronage_pool") == "120000.00");
  CHECK(preview.json.at("total") == "255000.00");
  CHECK(preview.json.at("left_over") == "145000.00");
  std::map<std::int64_t, std::vector<std::string>> rows;
  for (const auto& row : preview.json.at("members").as_array())
    rows[row.at("member_id").as_int64()] = {
        std::string(row.at("dividend").as_string()), std::string(row.at("business").as_string()),
        std::string(row.at("refund").as_string()), std::string(row.at("refund_cash").as_string()),
        std::string(row.at("refund_retained").as_string())};
  CHECK(rows[a] == std::vector<std::string>{"50000.00", "300000.00", "25700.00", "10200.00", "15500.00"});
  CHECK(rows[b] == std::vector<std::string>{"25000.00", "1000000.00", "85700.00", "34200.00", "51500.00"});
  CHECK(rows[c] == std::vector<std::string>{"0.00", "100000.00", "8600.00", "3400.00", "5200.00"});
  CHECK(t.get(group_path(g, "/reports/appropriation?year=2025&dividend_percent=8.5")).error_code() ==
        "limit_exceeded");
  CHECK(t.get(group_path(g, "/reports/appropriation")).status == 400);
  auto csv = t.get(group_path(g, "/reports/appropriation?year=2025&dividend_percent=5&format=csv"));
  CHECK(csv.status == 200);
  CHECK(csv.header("Content-Type").starts_with("text/csv"));
  CHECK(preview.json.at("as_of") == "2025-12-31");

  // The preview as of a day of the year, as if the year ended then: through 31 March the input sales
  // (400,000) less their cost (250,000) make S = 150,000; the business is a's and c's input purchases only.
  auto march = t.get(group_path(g, "/reports/appropriation?year=2025&dividend_percent=5&as_of=2025-03-31"));
  REQUIRE(march.status == 200);
  CHECK(march.json.at("as_of") == "2025-03-31");
  CHECK(march.json.at("recorded") == false);
  CHECK(march.json.at("surplus") == "150000.00");
  CHECK(march.json.at("reserve") == "15000.00");
  CHECK(march.json.at("patronage_pool") == "45000.00");
  CHECK(march.json.at("total_business") == "400000.00");
  CHECK(t.get(group_path(g, "/reports/appropriation?year=2025&as_of=2026-01-01")).error_code() ==
        "bad_request");
  CHECK(t.get(group_path(g, "/reports/appropriation?year=2025&as_of=2025-02-30")).error_code() ==
        "invalid_date");

  // Refused, writing nothing: the year has not ended on the operation's date; a dividend above the cap; a
  // year with a loss (2024 has no surplus).
  const auto before = table_checksums(start.server);
  CHECK(record_operation(
            t, g, {{"type", "year_end"}, {"date", "2025-12-30"}, {"year", 2025}, {"dividend_percent", "5"}},
            "ye-early")
            .error_code() == "invalid_date");
  auto capped = record_operation(
      t, g, {{"type", "year_end"}, {"date", "2026-01-20"}, {"year", 2025}, {"dividend_percent", "9"}},
      "ye-cap");
  CHECK(capped.status == 422);
  CHECK(capped.error_code() == "limit_exceeded");
  CHECK(capped.json.at("error").at("details").at("limit") == "8");
  CHECK(record_operation(
            t, g, {{"type", "year_end"}, {"date", "2026-01-20"}, {"year", 2024}, {"dividend_percent", "0"}},
            "ye-loss")
            .error_code() == "insufficient_funds");
  CHECK(table_checksums(start.server) == before);

  auto closed = record_operation(
      t, g, {{"type", "year_end"}, {"date", "2026-01-20"}, {"year", 2025}, {"dividend_percent", "5"}}, "ye");
  REQUIRE(closed.status == 201);
  const auto& entries = closed.json.at("entries").as_array();
  REQUIRE(entries.size() == 2);
  CHECK(entries.at(0).at("date") == "2025-12-31");
  CHECK(entries.at(0).at("metadata").at("closing") == "2025-12-31");
  CHECK(closed.json.at("appropriation").at("total") == "255000.00");
  const auto& seal = closed.json.at("seal");
  CHECK(seal.at("words").as_array().size() == 6);
  CHECK(seal.at("words_km").as_array().size() == 6);
  CHECK(balance(t, g, "3030") == "40000.00");
  CHECK(balance(t, g, "3040") == "20000.00");
  CHECK(balance(t, g, "3060") == "145000.00");
  CHECK(member_balance(t, g, "2060", a) == "50000.00");
  CHECK(member_balance(t, g, "2050", b) == "34200.00");
  CHECK(member_balance(t, g, "3050", b) == "51500.00");
  CHECK(balance(t, g, "4030") == "7000.00");  // the next year's income stays open

  // The closed year refuses back-dated work, and a second year end.
  CHECK(record_operation(
            t, g, {{"type", "income"}, {"date", "2025-12-31"}, {"account", "4030"}, {"amount", "1"}}, "late")
            .error_code() == "period_closed");
  auto twice = record_operation(
      t, g, {{"type", "year_end"}, {"date", "2026-01-21"}, {"year", 2025}, {"dividend_percent", "5"}},
      "ye-2");
  CHECK(twice.status == 409);
  CHECK(twice.error_code() == "period_closed");
  // A year end is not reversed.
  auto reversed =
      t.post(group_path(g, "/operations/" + std::to_string(closed.json.at("id").as_int64()) + "/reverse"),
             {{"reason", "mistake"}}, idempotency("rev"));
  CHECK(reversed.status == 409);

  // Dividends and refunds are paid later through pay_member.
  CHECK(must_record(t, g,
                    {{"type", "pay_member"}, {"date", "2026-01-25"}, {"member_id", a}, {"account", "2060"}})
            .status == 201);
  CHECK(member_balance(t, g, "2060", a) == "0.00");

  // The seal still verifies after those postings: as its code and as six words of either list.
  auto periods = t.get(group_path(g, "/periods"));
  REQUIRE(periods.status == 200);
  const auto& period_seal = periods.json.at("items").at(0).at("seal");
  CHECK(period_seal.at("code") == seal.at("code"));
  CHECK(period_seal.at("words_km") == seal.at("words_km"));
  std::string english, khmer;
  for (const auto& w : period_seal.at("words").as_array())
    english += (english.empty() ? "" : " ") + std::string(w.as_string());
  for (const auto& w : period_seal.at("words_km").as_array())
    khmer += (khmer.empty() ? "" : "-") + std::string(w.as_string());
  for (const auto& typed : {std::string(period_seal.at("code").as_string()), english, khmer}) {
    INFO(typed);
    auto verified = t.get(group_path(g, "/verify?seal=" + url_encoded(typed)));
    REQUIRE(verified.status == 200);
    CHECK(verified.json.at("ok") == true);
    CHECK(verified.json.at("seal_ok") == true);
  }
  CHECK(t.get(group_path(g, "/verify?seal=" + url_encoded("apple apple apple apple apple apple")))
            .json.at("seal_ok") == false);

  // The appropriation as recorded, and the annual report of the year.
  auto recorded = t.get(group_path(g, "/reports/appropriation?year=2025"));
  REQUIRE(recorded.status == 200);
  CHECK(recorded.json.at("recorded") == true);
  CHECK(recorded.json.at("dividend_percent") == "5");
  CHECK(recorded.json.at("total") == "255000.00");
  // A day before 31 December is still a preview, the recorded year end aside.
  auto closed_march =
      t.get(group_path(g, "/reports/appropriation?year=2025&dividend_percent=5&as_of=2025-03-31"));
  REQUIRE(closed_march.status == 200);
  CHECK(closed_march.json.at("recorded") == false);
  CHECK(closed_march.json.at("surplus") == "150000.00");
  auto annual = t.get(group_path(g, "/reports/annual?year=2025"));
  REQUIRE(annual.status == 200);
  CHECK(annual.json.at("closed") == true);
  CHECK(annual.json.at("income_statement").at("currencies").at(0).at("net_result") == "400000.00");
  CHECK(annual.json.at("appropriation").at("recorded") == true);
  CHECK(annual.json.at("patronage").as_array().size() == 3);
  CHECK(annual.json.at("patronage").at(0).at("name") == "Vanna");
  bool capital_row = false;
  for (const auto& row : annual.json.at("changes_in_equity").as_array())
    if (row.at("code") == "3010" && row.at("member_id") == a) {
      capital_row = true;
      CHECK(row.at("opening") == "0.00");
      CHECK(row.at("closing") == "1000000.00");
    }
  CHECK(capital_row);
  auto annual_csv = t.get(group_path(g, "/reports/annual?year=2025&format=csv&lang=km"));
  CHECK(annual_csv.status == 200);
  // The open year's report previews with the dividend asked, or says why it cannot.
  auto open_year = t.get(group_path(g, "/reports/annual?year=2026"));
  REQUIRE(open_year.status == 200);
  CHECK(open_year.json.at("closed") == false);
  CHECK(open_year.json.at("appropriation").at("recorded") == false);
  auto empty_year = t.get(group_path(g, "/reports/annual?year=2024"));
  REQUIRE(empty_year.status == 200);
  CHECK(empty_year.json.at("appropriation_refused").at("code") == "insufficient_funds");
}
