#include "ledger/demo/committee_seasons.hpp"

namespace samaki::ledger::demo {
namespace {

constexpr std::int64_t daily_wage = 20000;  // riel

}  // namespace

void committee_seasons::labour(calendar_date on, int least, int most, const std::string& what) {
  field_list work;
  std::int64_t days = 0;
  for (auto m : members_) {
    const int worked = dice_.between(least, most);
    if (worked == 0) continue;
    days += worked;
    work.push_back(object({{"member_id", id_of(m)}, {"days", number(worked)}}));
  }
  b_.record(
      "expense", on,
      {{"account", text("5010")}, {"amount", riel(days * daily_wage)}, {"work_days", field_value{work}}},
      what);
}

void committee_seasons::harvest(const harvest_plan& h, int year) {
  labour(h.clearing, 0, 4, "Clearing and weeding under the trees");
  b_.record("harvest_sale", h.sold_in_riel,
            {{"crop", text("raw cashew nuts")},
             {"quantity_kg", text(std::to_string(h.riel_kg))},
             {"price_per_kg", riel(h.riel_price)},
             {"buyer", text("Kampong Thom cashew trader")}});
  // The pickers are paid from the first sale.
  labour(h.sold_in_riel.plus_days(1), 2, 8, "Picking and drying the nuts");
  b_.record("harvest_sale", h.sold_in_dollars,
            {{"crop", text("raw cashew nuts")},
             {"quantity_kg", text(std::to_string(h.dollar_kg))},
             {"price_per_kg", text(h.dollar_price)},
             {"buyer", text("Vietnamese buyer")},
             {"currency", text("USD")},
             {"rate", text(std::to_string(h.rate))}});
  const auto dollars = b_.balance("1011");
  b_.record("exchange", h.sold_in_dollars.plus_days(2),
            {{"from", object({{"account", text("1011")}, {"amount", text(decimal(dollars))}})},
             {"to", object({{"account", text("1010")}, {"amount", text(decimal(dollars * h.rate))}})}},
            "Dollars changed at the bank");
  // What the harvest earned: income less expenses not yet closed by an allocation.
  std::int64_t net = 0;
  for (const char* code : {"4010", "4050", "4060", "5010", "5020", "5030", "5080"}) net -= b_.balance(code);
  net /= 100;  // minor units to riel
  const std::int64_t village_fund = net / 5 / 1000 * 1000;
  const std::int64_t reinvest = net / 10 / 1000 * 1000;
  const std::int64_t to_members = (net - village_fund - reinvest) / 1000 * 1000;
  b_.record(
      "allocation", h.meeting,
      {{"decision", text("Village meeting of " + h.meeting.to_string() +
                         ": a fifth to the village fund, a tenth to reinvest, the rest by days worked")},
       {"village_fund", riel(village_fund)},
       {"reinvest", riel(reinvest)},
       {"members", object({{"amount", riel(to_members)},
                           {"split", text("work_days")},
                           {"from", text(day(year, 1, 1).to_string())},
                           {"to", text(h.meeting.to_string())}})}},
      "Harvest " + std::to_string(year) + " shared out");
  b_.record("pay_distribution", h.meeting.plus_days(7), {},
            "Harvest " + std::to_string(year) + ": members paid");
}

}  // namespace samaki::ledger::demo
