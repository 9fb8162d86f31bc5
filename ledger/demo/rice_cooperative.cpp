// The rice cooperative of Svay Rieng: sixty members buy share capital and pay an entry fee, buy fertiliser
// from the cooperative (some on credit, collected after transplanting), borrow for a tractor or a pump, and
// sell it their paddy after the harvest; the cooperative sells the paddy on to a mill in riel and to a
// border trader in dollars, changes the dollars at the bank, and pays its members. The general assembly of
// January 2026 closes 2025 (the seal) and appropriates the surplus by the by-laws: reserve, education fund,
// a dividend on share capital and patronage refunds by each member's business. 2026 is under way.
#include "ledger/demo/cooperative_seasons.hpp"
#include "ledger/demo/stories.hpp"

namespace samaki::ledger::demo {

story rice_cooperative(write_context& ctx) {
  const auto founded = day(2025, 1, 6);
  book b(ctx,
         new_group{"Svay Chrum Rice Cooperative", "សហគមន៍កសិកម្មស្រូវស្វាយជ្រំ", group_kind::agri_cooperative, "KHR",
                   std::nullopt, "Svay Rieng", "Svay Chrum", "Basak", "Thnal Keng"},
         founded, "treasurer.svayrieng");
  std::vector<member_id> members;
  for (const auto& p : villagers(60, 45, 4400)) members.push_back(b.join(p, founded));
  cooperative_seasons coop(b, std::move(members), 4401, day(2026, 11, 25));
  coop.founding(founded);
  coop.inputs(2025, day(2025, 5, 12), "Urea fertiliser", 2400, 2800);
  coop.loans(day(2025, 6, 2), {5, 12, 23, 31, 44, 50}, 500000, "Hand tractor repair");
  coop.paddy_harvest(2025, day(2025, 11, 24), 1150, day(2025, 12, 8), 1320);
  coop.general_assembly(2025, day(2025, 12, 20), day(2026, 1, 24), "5");
  coop.inputs(2026, day(2026, 5, 11), "NPK fertiliser 15-15-15", 2600, 3000);
  coop.loans(day(2026, 6, 1), {3, 17, 38, 56}, 600000, "Water pump");
  coop.paddy_harvest(2026, day(2026, 11, 9), 1200, day(2026, 11, 23), 1350);
  coop.run();
  return {b.group(), std::nullopt};
}

}  // namespace samaki::ledger::demo
