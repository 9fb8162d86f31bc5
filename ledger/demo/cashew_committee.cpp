// The cashew committee of Kamen village: eighteen households tend the village's cashew trees together. A
// commune grant pays for fertiliser and the first wages; members are paid a daily wage for clearing and for
// the harvest (the days each worked are kept); the nuts go to a Kampong Thom trader in riel and to a
// Vietnamese buyer in dollars, changed at the bank. After each harvest the village meeting shares out the
// net income: a fifth to the village development fund, a tenth kept to reinvest, the rest by the days each
// member worked; then everyone is paid. Two harvests (2025 and 2026), and the 2027 season's first work.
#include "ledger/demo/book.hpp"
#include "ledger/demo/people.hpp"
#include "ledger/demo/stories.hpp"

namespace samaki::ledger::demo {
namespace {

constexpr std::int64_t daily_wage = 20000;  // riel

struct harvest_plan {
  calendar_date clearing, sold_in_riel, sold_in_dollars, meeting;
  std::int64_t riel_kg, riel_price;
  std::int64_t dollar_kg;
  const char* dollar_price;
  std::int64_t rate;
};

class committee {
 public:
  committee(book& b, std::vector<member_id> members) : b_(b), members_(std::move(members)), dice_(5501) {}

  // Labour on 5010, the wage times the days each member worked (between `least` and `most`).
  void labour(calendar_date on, int least, int most, const std::string& what) {
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

  void harvest(const harvest_plan& h, int year) {
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

 private:
  book& b_;
  std::vector<member_id> members_;
  dice dice_;
};

}  // namespace

story cashew_committee(write_context& ctx) {
  const auto formed = day(2025, 1, 6);
  book b(ctx,
         new_group{"Kamen Village Cashew Committee", "គណៈកម្មការចម្ការស្វាយចន្ទីភូមិកាម៉ែន", group_kind::joint_task,
                   "KHR", std::nullopt, "Kampong Thom", "Sandan", "Meanrith", "Kamen"},
         formed, "treasurer.kamen");
  std::vector<member_id> members;
  for (const auto& p : villagers(18, 50, 5500)) members.push_back(b.join(p, formed));
  committee c(b, members);

  b.record("grant", day(2025, 1, 10), {{"amount", riel(2000000)}},
           "Commune development fund: a start-up grant");
  b.record("expense", day(2025, 1, 20), {{"account", text("5020")}, {"amount", riel(450000)}},
           "Fertiliser for the cashew trees");
  c.harvest(
      {day(2025, 2, 10), day(2025, 4, 7), day(2025, 4, 21), day(2025, 5, 10), 2400, 5600, 1400, "1.45", 4080},
      2025);
  b.record("expense", day(2026, 1, 19), {{"account", text("5030")}, {"amount", riel(180000)}},
           "Sprayer repaired");
  c.harvest(
      {day(2026, 2, 9), day(2026, 4, 6), day(2026, 4, 20), day(2026, 5, 9), 2900, 6100, 1100, "1.55", 4070},
      2026);
  c.labour(day(2026, 11, 16), 0, 3, "Clearing before the flowering");
  return {b.group(), std::nullopt};
}

}  // namespace samaki::ledger::demo
