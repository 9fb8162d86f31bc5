// allocation {"decision", "village_fund"?, "reinvest"?, "members"?: {"amount", "split": "equal"|"work_days",
// "from"?, "to"?}}: a joint-task committee decides how its net income is split (operations.md):
//   1. income and expenses through the operation's date are closed into 3060 (the visible closing entry);
//   2. Dr 3060 / Cr 3010 the village development fund, 3020 the reinvestment reserve, and 2020[m] each
//      member's part: the members' amount in whole cash units of the group (100 riel by default) by the
//      largest-remainder rule, equally over the members of the group on that day or by the days each worked
//      on labour expenses dated from–to; the units' remainder stays on 3060.
// Refused when the amounts exceed the surplus on 3060 (insufficient_funds). A harvest (reports/harvest) is
// what was sold and spent after the previous allocation up to this one. Reversed only while nothing was
// recorded after it.
#include "ledger/allocation.hpp"
#include "ledger/groups/closing.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/operations/trades.hpp"
#include "ledger/operations/undo_rules.hpp"
#include "ledger/reports/joint_task/allocation_surplus.hpp"
#include "ledger/store/allocation_records.hpp"
#include "ledger/store/book_reads.hpp"
#include "ledger/store/operation_records.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/trade_records.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

money optional_amount_or_zero(const field_reader& f, std::string_view name, iso_currency currency,
                              result<void>& ok) {
  auto amount = f.optional_amount(name, currency);
  if (!amount) {
    ok = amount.error();
    return money::zero(currency);
  }
  if (*amount && (*amount)->is_negative()) {
    ok = f.invalid(name, errc::invalid_amount, std::string(name) + " cannot be negative");
    return money::zero(currency);
  }
  return amount->value_or(money::zero(currency));
}

// Who shares and with what weight: every member of the group on the day, or the days each worked.
result<std::vector<weighted>> member_weights(operation_context& ctx, const field_reader& m,
                                             const std::string& split, allocation_record& record) {
  std::vector<weighted> weights;
  const auto day = ctx.date();
  if (split == "equal") {
    for (const auto& member : load_group_members(ctx.books().db(), ctx.info().id))
      if ((!member.joined_on || *member.joined_on <= day) && (!member.left_on || *member.left_on > day))
        weights.push_back({member.id.value, 1});
    return weights;
  }
  auto from = m.optional_date("from");
  if (!from) return from.error();
  auto to = m.optional_date("to");
  if (!to) return to.error();
  if (!*from || !*to)
    return m.invalid(*from ? "to" : "from", errc::bad_request, "a split by work days needs from and to");
  if (**to < **from) return m.invalid("to", errc::bad_request, "to is before from");
  record.work_from = **from;
  record.work_to = **to;
  for (const auto& [id, days] : work_days_between(ctx.books().db(), ctx.info().id, **from, **to))
    weights.push_back({id, days});
  if (weights.empty())
    return m.invalid(
        "split", errc::bad_request,
        "no work days were recorded on labour from " + (*from)->to_string() + " to " + (*to)->to_string());
  return weights;
}

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  const auto currency = ctx.info().currency;
  const auto day = ctx.date();
  auto decision = name_field(f, "decision");
  if (!decision) return decision.error();
  auto earlier = load_allocations(ctx.books().db(), ctx.info().id, currency);
  if (!earlier.empty() && day < earlier.back().date)
    return error(
        errc::conflict,
        "an allocation was made on " + earlier.back().date.to_string() + ", after " + day.to_string(),
        {{"field", "date"}, {"latest", earlier.back().date.to_string()}});
  allocation_record record;
  record.decision = *decision;
  record.split = "equal";
  result<void> ok;
  record.village_fund = optional_amount_or_zero(f, "village_fund", currency, ok);
  record.reinvest = optional_amount_or_zero(f, "reinvest", currency, ok);
  record.members_amount = money::zero(currency);
  if (!ok) return ok.error();
  money shared = money::zero(currency);
  if (auto m = f.object("members")) {
    auto amount = positive_amount(*m, "amount", currency);
    if (!amount) return amount.error();
    record.members_amount = *amount;
    record.split = m->text("split");
    auto weights = member_weights(ctx, *m, record.split, record);
    if (!weights) return weights.error();
    auto parts = ledger::share_out(amount->minor(), ctx.info().cash_unit, *weights);
    std::map<std::int64_t, std::int64_t> weight_of;
    for (const auto& w : *weights) weight_of[w.id] = w.weight;
    for (const auto& p : parts.payouts) {
      record.members.push_back(allocation_share{member_id{p.id}, weight_of[p.id], money(p.units, currency)});
      shared = add(shared, money(p.units, currency)).value();
    }
  }
  auto total = add(add(record.village_fund, record.reinvest).value(), shared).value();
  if (!total.is_positive())
    return f.invalid("village_fund", errc::bad_request,
                     "an allocation gives something to the village fund, reinvestment or members");
  record.surplus = read_allocation_surplus(ctx.books().db(), ctx.info(), day).surplus;
  if (compare(total, record.surplus) > 0)
    return error(
        errc::insufficient_funds,
        "the allocation (" + total.amount_text() + ") is more than the surplus (" +
            record.surplus.amount_text() + ")",
        {{"rule", "surplus"}, {"limit", record.surplus.amount_text()}, {"value", total.amount_text()}});
  // Dr 3060 for the total; the credits over several entries when the members pass one entry's lines.
  std::vector<draft_line> credits;
  if (record.village_fund.is_positive())
    credits.push_back(line_of("3010", std::nullopt, side::credit, record.village_fund));
  if (record.reinvest.is_positive())
    credits.push_back(line_of("3020", std::nullopt, side::credit, record.reinvest));
  for (const auto& m : record.members)
    if (m.amount.is_positive()) credits.push_back(line_of("2020", m.member, side::credit, m.amount));
  auto entries = entries_within_line_limit(day, memo_or(ctx, "Allocation: " + record.decision), "3060",
                                           side::debit, balancing_line::first, credits);
  return apply_step([entries = std::move(entries), record = std::move(record),
                     shared](operation_context& run) mutable -> result<void> {
    auto closing = closing_entry_for(run.books(), run.group(), run.date());
    if (!closing) return closing.error();
    if (*closing)
      if (auto posted = run.post(std::move(**closing)); !posted) return posted.error();
    for (const auto& e : entries)
      if (auto posted = run.post(e); !posted) return posted.error();
    record.operation = run.id();
    record.date = run.date();
    insert_allocation(run.books(), run.info().id, record);
    field_list members;
    for (const auto& m : record.members)
      members.push_back(field_value{field_map{{"member_id", field_value{m.member.value}},
                                              {"weight", field_value{m.weight}},
                                              {"amount", field_value{m.amount.amount_text()}}}});
    auto& out = run.outcome();
    out["surplus"] = field_value{record.surplus.amount_text()};
    out["village_fund"] = field_value{record.village_fund.amount_text()};
    out["reinvest"] = field_value{record.reinvest.amount_text()};
    out["members_total"] = field_value{shared.amount_text()};
    out["members"] = field_value{std::move(members)};
    return {};
  });
}

}  // namespace

const operation_type allocation{"allocation",
                                {group_kind::joint_task},
                                {{"decision", field_type::text, true},
                                 {"village_fund", field_type::amount, false},
                                 {"reinvest", field_type::amount, false},
                                 {"members",
                                  field_type::object,
                                  false,
                                  {},
                                  {{"amount", field_type::amount, true},
                                   {"split", field_type::choice, true, {"equal", "work_days"}},
                                   {"from", field_type::date, false},
                                   {"to", field_type::date, false}}}},
                                {"3060", "3010", "3020", "2020"},
                                plan,
                                plan_undo_while_last};

}  // namespace samaki::ledger::operations
