// Operations of cooperatives and joint-task committees on a real store: an exchange is one entry balanced in
// each currency with its rate kept; a committee's allocation splits the members' amount by work days or
// equally in whole cash units, the remainder staying on 3060.
#include "tests/unit/ledger/coop/operation_test_support.hpp"

#include <catch2/catch.hpp>

using namespace samaki;
using namespace samaki::ledger;
using namespace samaki::test;

TEST_CASE("exchange: one entry through 3900/3901, balanced in riel and in dollars, the rate in its metadata",
          "[coop][exchange]") {
  ledger_fixture f;
  must_record(f, f.coop.id, "income", "2026-03-01", {{"account", text("4050")}, {"amount", text("1000000")}});
  auto done =
      must_record(f, f.coop.id, "exchange", "2026-03-02",
                  {{"from", field_value{field_map{{"account", text("1010")}, {"amount", text("410000")}}}},
                   {"to", field_value{field_map{{"account", text("1011")}, {"amount", text("100")}}}}});
  REQUIRE(done.record.entries.size() == 1);
  const auto& e = done.record.entries.front();
  std::map<std::string, std::int64_t> net;  // debit minus credit per currency
  std::map<std::string, std::string> side_of;
  for (const auto& l : e.lines) {
    net[std::string(l.amount.currency_code())] +=
        l.side == side::debit ? l.amount.minor() : -l.amount.minor();
    side_of[l.account] =
        l.side == side::debit ? "Dr " + l.amount.amount_text() : "Cr " + l.amount.amount_text();
  }
  CHECK(net == std::map<std::string, std::int64_t>{{"KHR", 0}, {"USD", 0}});
  CHECK(side_of == std::map<std::string, std::string>{{"1011", "Dr 100.00"},
                                                      {"3901", "Cr 100.00"},
                                                      {"3900", "Dr 410000.00"},
                                                      {"1010", "Cr 410000.00"}});
  CHECK(e.metadata ==
        std::vector<std::pair<std::string, std::string>>{{"rate", "4100"}, {"rate_unit", "KHR per USD"}});
  CHECK(e.memo.find("4100 KHR per USD") != std::string::npos);

  // Both legs in one currency, or more riel than the cash box holds: refused, nothing written.
  auto before = f.checksums();
  auto same = record(f, f.coop.id, "exchange", "2026-03-02",
                     {{"from", field_value{field_map{{"account", text("1010")}, {"amount", text("100")}}}},
                      {"to", field_value{field_map{{"account", text("1020")}, {"amount", text("100")}}}}});
  CHECK(code_of(same) == "currency_mismatch");
  auto short_of_cash =
      record(f, f.coop.id, "exchange", "2026-03-02",
             {{"from", field_value{field_map{{"account", text("1010")}, {"amount", text("9000000")}}}},
              {"to", field_value{field_map{{"account", text("1011")}, {"amount", text("2000")}}}}});
  CHECK(code_of(short_of_cash) == "insufficient_funds");
  CHECK(f.changed_since(before) == no_tables);
}

TEST_CASE("allocation: members' part by work days and equally, in whole cash units",
          "[joint_task][allocation]") {
  ledger_fixture f;
  const auto rith = f.task_members[0], bopha = f.task_members[1];
  auto chenda = make_member(*f.db, f.task.id, "Chenda");
  REQUIRE(f.task.cash_unit == 100);  // one dollar
  must_record(f, f.task.id, "harvest_sale", "2026-02-01",
              {{"crop", text("cashew")},
               {"quantity_kg", text("1000")},
               {"price_per_kg", text("1.50")},
               {"buyer", text("trader")}});
  must_record(f, f.task.id, "expense", "2026-02-02",
              {{"account", text("5010")},
               {"amount", text("100")},
               {"work_days",
                field_value{field_list{field_value{field_map{{"member_id", field_value{rith.value}},
                                                             {"days", field_value{std::int64_t{3}}}}},
                                       field_value{field_map{{"member_id", field_value{bopha.value}},
                                                             {"days", field_value{std::int64_t{1}}}}}}}}});
  // Surplus 1,500 - 100 = 1,400. Members get 1,000.01 by work days 3 : 1.
  auto by_days = must_record(f, f.task.id, "allocation", "2026-02-03",
                             {{"decision", text("minute book p. 4")},
                              {"village_fund", text("200")},
                              {"members", field_value{field_map{{"amount", text("1000.01")},
                                                                {"split", text("work_days")},
                                                                {"from", text("2026-02-01")},
                                                                {"to", text("2026-02-02")}}}}});
  // $1,000 in whole dollars (the cash unit of a dollar group) by 3 : 1 days; the cent left stays on 3060.
  auto reader = f.reader();
  CHECK(member_balance_of(reader->db(), f.task.id, "2020", rith) == 75000);
  CHECK(member_balance_of(reader->db(), f.task.id, "2020", bopha) == 25000);
  CHECK(member_balance_of(reader->db(), f.task.id, "2020", chenda) == 0);
  CHECK(balance_of(reader->db(), f.task.id, "3010") == 20000);
  CHECK(balance_of(reader->db(), f.task.id, "3060") == 140000 - 20000 - 100000);
  CHECK(std::get<std::string>(by_days.outcome.at("members_total").value) == "1000.00");

  // Equally, over the three members of the day: $100 is 34 + 33 + 33, the extra dollar to the lowest id.
  must_record(f, f.task.id, "harvest_sale", "2026-03-01",
              {{"crop", text("cashew")},
               {"quantity_kg", text("100")},
               {"price_per_kg", text("1")},
               {"buyer", text("trader")}});
  must_record(f, f.task.id, "allocation", "2026-03-02",
              {{"decision", text("minute book p. 5")},
               {"members", field_value{field_map{{"amount", text("100")}, {"split", text("equal")}}}}});
  reader = f.reader();
  CHECK(member_balance_of(reader->db(), f.task.id, "2020", rith) == 75000 + 3400);
  CHECK(member_balance_of(reader->db(), f.task.id, "2020", bopha) == 25000 + 3300);
  CHECK(member_balance_of(reader->db(), f.task.id, "2020", chenda) == 3300);

  // More than the surplus is refused, and writes nothing.
  auto before = f.checksums();
  auto greedy = record(f, f.task.id, "allocation", "2026-03-03",
                       {{"decision", text("minute book p. 6")}, {"reinvest", text("1000000")}});
  CHECK(code_of(greedy) == "insufficient_funds");
  CHECK(f.changed_since(before) == no_tables);
}
