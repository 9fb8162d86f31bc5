#include "ledger/reports/coop/appropriation_report.hpp"

#include "ledger/coop/year_figures.hpp"
#include "ledger/store/coop_records.hpp"
#include "ledger/store/rows.hpp"

namespace samaki::ledger {

result<group_info> cooperative(sqlite::connection& db, group_id id) {
  auto group = load_group(db, id);
  if (!group) return error(errc::not_found, "no such group");
  if (group->kind != group_kind::agri_cooperative)
    return error(errc::wrong_group_kind, "this report is for agriculture cooperatives",
                 {{"kind", std::string(kind_name(group->kind))}});
  return *group;
}

result<appropriation_report> read_appropriation_report(sqlite::connection& db, group_id id, int year,
                                                       percent dividend) {
  sqlite::read_snapshot snapshot(db);
  auto group = cooperative(db, id);
  if (!group) return group.error();
  if (auto recorded = load_appropriation(db, *group, year))
    return appropriation_report{*group, std::move(*recorded), true};
  auto rules = bylaws_on(load_bylaws(db, *group), *group, last_day_of_year(year));
  auto sheet = appropriate(read_year_figures(db, *group, year), rules, dividend);
  if (!sheet) return sheet.error();
  return appropriation_report{*group, std::move(*sheet), false};
}

}  // namespace samaki::ledger
