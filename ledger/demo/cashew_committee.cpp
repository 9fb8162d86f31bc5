// The cashew committee of Kamen village: eighteen households tend the village's cashew trees together. A
// commune grant pays for fertiliser and the first wages; members are paid a daily wage for clearing and for
// the harvest (the days each worked are kept); the nuts go to a Kampong Thom trader in riel and to a
// Vietnamese buyer in dollars, changed at the bank. After each harvest the village meeting shares out the
// net income: a fifth to the village development fund, a tenth kept to reinvest, the rest by the days each
// member worked; then everyone is paid. Two harvests (2025 and 2026), and the 2027 season's first work.
#include "ledger/demo/committee_seasons.hpp"
#include "ledger/demo/stories.hpp"

namespace samaki::ledger::demo {

story cashew_committee(write_context& ctx) {
  const auto formed = day(2025, 1, 6);
  book b(ctx,
         new_group{"Kamen Village Cashew Committee", "គណៈកម្មការចម្ការស្វាយចន្ទីភូមិកាម៉ែន", group_kind::joint_task,
                   "KHR", std::nullopt, "Kampong Thom", "Sandan", "Meanrith", "Kamen"},
         formed, "treasurer.kamen");
  std::vector<member_id> members;
  for (const auto& p : villagers(18, 50, 5500)) members.push_back(b.join(p, formed));
  committee_seasons c(b, members, 5501);

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
