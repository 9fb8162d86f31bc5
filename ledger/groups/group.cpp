#include "ledger/groups/group.hpp"

namespace samaki::ledger {

std::string_view period_kind_name(period_kind kind) {
  switch (kind) {
    case period_kind::month: return "month";
    case period_kind::year: return "year";
    case period_kind::cycle: return "cycle";
  }
  return "month";
}

std::optional<period_kind> parse_period_kind(std::string_view text) {
  for (auto kind : {period_kind::month, period_kind::year, period_kind::cycle})
    if (period_kind_name(kind) == text) return kind;
  return std::nullopt;
}

}  // namespace samaki::ledger
