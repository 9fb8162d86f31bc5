// year_end {"year", "dividend_percent"}: a cooperative closes its fiscal (calendar) year (operations.md):
//   1. income and expenses through 31 December are closed into 3060 by the visible closing entry;
//   2. the surplus is appropriated by the by-laws in force on 31 December (ledger/coop/appropriation.hpp):
//      Dr 3060 / Cr 3030 reserve, 3040 education, 2060[m] dividends, 2050[m] refunds paid in cash and
//      3050[m] refunds retained; what is left stays on 3060;
//   3. the year closes as a period of kind year through 31 December, with its seal.
// Every entry is dated 31 December; the operation's own date is the day it was decided (that day or later).
// Dividends and refunds are paid later with pay_member {"account": "2060"|"2050"}. A closed year is sealed in
// the members' minute book: a year end is not reversed.
#include "ledger/coop/appropriation_fields.hpp"
#include "ledger/coop/year_figures.hpp"
#include "ledger/groups/closing.hpp"
#include "ledger/groups/registry.hpp"
#include "ledger/journal/posting_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/operations/seal_outcome.hpp"
#include "ledger/store/coop_records.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>
#include <vector>

namespace samaki::ledger::operations {
namespace {

// The appropriation: Dr 3060 for the total, each share credited where it goes (over several entries when a
// large cooperative's three credits a member pass one entry's lines).
std::vector<draft_entry> appropriation_entries(const appropriation_sheet& s, calendar_date on,
                                               const std::string& memo) {
  if (!s.total.is_positive()) return {};
  std::vector<draft_line> credits;
  auto credit = [&](std::string_view account, std::optional<member_id> member, const money& amount) {
    if (amount.is_positive()) credits.push_back(line_of(account, member, side::credit, amount));
  };
  credit("3030", std::nullopt, s.reserve);
  credit("3040", std::nullopt, s.education);
  for (const auto& m : s.members) {
    credit("2060", m.member, m.dividend);
    credit("2050", m.member, m.refund_cash);
    credit("3050", m.member, m.refund_retained);
  }
  return entries_within_line_limit(on, memo, "3060", side::debit, balancing_line::first, credits);
}

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  const auto year = f.integer("year");
  if (year < 1900 || year > 9999) return f.invalid("year", errc::bad_request, "year must be like 2026");
  const auto through = last_day_of_year(static_cast<int>(year));
  if (ctx.date() < through)
    return error(errc::invalid_date,
                 "the year " + std::to_string(year) + " ends on " + through.to_string() + ", after " +
                     ctx.date().to_string(),
                 {{"field", "date"}, {"year_ends", through.to_string()}});
  if (auto dated = check_entry_date(ctx.books(), ctx.group(), through); !dated) return dated.error();
  auto dividend = percent::parse(f.text("dividend_percent"));
  if (!dividend)
    return f.invalid("dividend_percent", errc::bad_request,
                     "dividend_percent must be a percentage from 0 to 100, e.g. \"5\"");
  auto& db = ctx.books().db();
  auto rules = bylaws_on(load_bylaws(db, ctx.info()), ctx.info(), through);
  auto sheet = appropriate(read_year_figures(db, ctx.info(), static_cast<int>(year)), rules, *dividend);
  if (!sheet) return sheet.error();
  return apply_step([sheet = std::move(*sheet), through](operation_context& run) -> result<void> {
    auto closing = closing_entry_for(run.books(), run.group(), through);
    if (!closing) return closing.error();
    if (*closing)
      if (auto posted = run.post(std::move(**closing)); !posted) return posted.error();
    auto memo = memo_or(run, "Appropriation of the surplus of " + std::to_string(sheet.year));
    for (auto& e : appropriation_entries(sheet, through, memo))
      if (auto posted = run.post(std::move(e)); !posted) return posted.error();
    insert_appropriation(run.books(), run.info().id, run.id(), sheet);
    auto period = close_period(run.books(),
                               period_close{run.info().id, through, period_kind::year, run.request().author});
    if (!period) return period.error();
    auto& out = run.outcome();
    out["appropriation"] = field_value{appropriation_fields(sheet)};
    out["seal"] = field_value{seal_fields(*period)};
    out["period_id"] = field_value{period->id.value};
    return {};
  });
}

result<apply_step> refuse_undo(operation_context&, const operation_record& original) {
  return error(errc::conflict, "year end " + std::to_string(original.id.value) +
                                   " closed the year with its seal; it is not reversed");
}

}  // namespace

const operation_type year_end{
    "year_end",
    {group_kind::agri_cooperative},
    {{"year", field_type::integer, true}, {"dividend_percent", field_type::text, true}},
    {"3060", "3030", "3040", "2050", "2060", "3050"},
    plan,
    refuse_undo};

}  // namespace samaki::ledger::operations
