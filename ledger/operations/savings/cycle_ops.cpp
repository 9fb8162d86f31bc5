// cycle_start (POST .../cycles) and cycle_settings (POST .../cycles/{id}/settings): a savings group's cycle
// begins on the operation's date with its settings; a change of settings applies from the operation's date.
// Both are operations so they are idempotent, audited and reversible while nothing was recorded after them.
#include "ledger/journal/posting_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/undo_rules.hpp"
#include "ledger/savings/cycle.hpp"
#include "ledger/store/operation_records.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan_start(operation_context& ctx, const field_reader& f) {
  const auto start = ctx.date();
  if (auto open = open_cycle(ctx.books().db(), ctx.info().id))
    return error(errc::conflict,
                 "cycle " + std::to_string(open->id.value) + " is still open: share out first",
                 {{"cycle_id", std::to_string(open->id.value)}});
  auto previous = load_cycles(ctx.books().db(), ctx.info().id);
  if (!previous.empty() && previous.back().closed_on && start <= *previous.back().closed_on)
    return error(
        errc::conflict,
        "a new cycle starts after the last one's share-out on " + previous.back().closed_on->to_string(),
        {{"field", "start"}});
  auto settings = read_cycle_settings(f, default_cycle_settings(ctx.info(), start));
  if (!settings) return settings.error();
  return apply_step([settings = std::move(*settings)](operation_context& run) -> result<void> {
    cycle_info cycle;
    cycle.group = run.info().id;
    cycle.operation = run.id();
    cycle.start = run.date();
    cycle.created_by = run.request().author;
    cycle.created_at = now_rfc3339();
    cycle.id = insert_cycle(run.books(), cycle);
    insert_cycle_settings(run.books(), cycle.id, run.id(), settings, cycle.created_by, cycle.created_at);
    run.outcome()["cycle_id"] = field_value{cycle.id.value};
    return {};
  });
}

result<apply_step> plan_change(operation_context& ctx, const field_reader& f) {
  auto cycle = load_cycle(ctx.books().db(), f.id<cycle_id>("cycle_id"));
  if (!cycle || cycle->group != ctx.info().id) return f.invalid("cycle_id", errc::not_found, "no such cycle");
  if (!cycle->open()) return error(errc::conflict, "cycle " + std::to_string(cycle->id.value) + " is closed");
  const auto from = ctx.date();
  if (from < cycle->start)
    return error(errc::invalid_date,
                 "a change takes effect on or after the cycle's start " + cycle->start.to_string(),
                 {{"field", "effective_from"}});
  if (from < cycle->settings.back().effective_from)
    return error(errc::conflict,
                 "settings already change on " + cycle->settings.back().effective_from.to_string() +
                     "; a new change takes effect on or after it",
                 {{"field", "effective_from"}});
  auto base = cycle->settings_on(from);
  base.effective_from = from;
  auto settings = read_cycle_settings(f, base);
  if (!settings) return settings.error();
  return apply_step(
      [id = cycle->id, settings = std::move(*settings)](operation_context& run) -> result<void> {
        insert_cycle_settings(run.books(), id, run.id(), settings, run.request().author, now_rfc3339());
        run.outcome()["cycle_id"] = field_value{id.value};
        return {};
      });
}

std::vector<field_spec> change_fields() {
  auto specs = cycle_settings_fields(false);
  specs.insert(specs.begin(), field_spec{"cycle_id", field_type::id, true, {}, {}, "cycle"});
  return specs;
}

}  // namespace

const operation_type cycle_start{"cycle_start", {group_kind::savings_group}, cycle_settings_fields(true), {},
                                 plan_start,    plan_undo_while_last};

const operation_type cycle_settings_change{"cycle_settings", {group_kind::savings_group}, change_fields(), {},
                                           plan_change,      plan_undo_while_last};

}  // namespace samaki::ledger::operations
