// bylaws (PUT .../bylaws {"effective_from", "reserve_percent", "education_percent", "dividend_cap_percent",
// "patronage_percent", "patronage_cash_percent", "cash_unit"}): a cooperative's by-laws from a date on (the
// operation's date); fields left out keep the value in force. An operation, so it is idempotent, audited
// and reversible while nothing was recorded after it. A version takes effect on or after the latest one.
#include "ledger/coop/bylaws.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/undo_rules.hpp"
#include "ledger/store/coop_records.hpp"
#include "ledger/store/operation_records.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto history = load_bylaws(ctx.books().db(), ctx.info());
  if (!history.empty() && ctx.date() < history.back().effective_from)
    return error(errc::conflict,
                 "by-laws already change on " + history.back().effective_from.to_string() +
                     "; a new version takes effect on or after it",
                 {{"field", "effective_from"}, {"latest", history.back().effective_from.to_string()}});
  auto base = bylaws_on(history, ctx.info(), ctx.date());
  auto rules = read_bylaws(f, base);
  if (!rules) return rules.error();
  rules->effective_from = ctx.date();
  rules->created_by = ctx.request().author;
  rules->created_at = now_rfc3339();
  return apply_step([rules = std::move(*rules)](operation_context& run) -> result<void> {
    insert_bylaws(run.books(), run.info().id, run.id(), rules);
    return {};
  });
}

}  // namespace

const operation_type bylaws_change{
    "bylaws", {group_kind::agri_cooperative}, bylaws_fields(), {}, plan, plan_undo_while_last};

}  // namespace samaki::ledger::operations
