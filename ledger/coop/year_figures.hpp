#pragma once
// The figures of a cooperative's year that its appropriation starts from, read from the journal: the
// surplus through 31 December (income less expenses not yet closed), each member's share capital on that
// day, and each member's business with the cooperative in the year: input sales to them (4010, attributed)
// plus produce bought from them (5020, attributed), net of reversals.
#include "ledger/coop/appropriation.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/store/sqlite.hpp"

#include <optional>

namespace samaki::ledger {

calendar_date last_day_of_year(int year);
calendar_date first_day_of_year(int year);

// The figures as of 31 December, or as of an earlier day of the year (`through`): the surplus through it,
// share capital on it, the business from 1 January to it.
year_figures read_year_figures(sqlite::connection& db, const group_info& group, int year,
                               std::optional<calendar_date> through = std::nullopt);

}  // namespace samaki::ledger
