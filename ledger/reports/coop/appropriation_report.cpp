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
                                                       percent dividend, std::optional<calendar_date> as_of) {
  sqlite::read_snapshot snapshot(db);
  auto group = cooperative(db, id);
  if (!group) return group.error();
  const auto last = last_day_of_year(year);
  const auto day = as_of.value_or(last);
  if (day < first_day_of_year(year) || day > last)
    return error(
        errc::bad_request, "as_of must be a day of " + std::to_string(year),
        {{"field", "as_of"}, {"from", first_day_of_year(year).to_string()}, {"to", last.to_string()}});
  // What the year end made, when it is recorded; a day before 31 December is always a preview.
  if (day == last)
    if (auto recorded = load_appropriation(db, *group, year))
      return appropriation_report{*group, std::move(*recorded), true, last};
  auto rules = bylaws_on(load_bylaws(db, *group), *group, day);
  auto sheet = appropriate(read_year_figures(db, *group, year, day), rules, dividend);
  if (!sheet) return sheet.error();
  return appropriation_report{*group, std::move(*sheet), false, day};
}

}  // namespace samaki::ledger
