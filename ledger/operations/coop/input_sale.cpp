// input_sale {"member_id"|"buyer", "item", "quantity", "unit", "amount", "cost", "on_credit"?, "via"?}:
// inputs sold out of stock: Dr cash (or on credit 1110[m] for a member, 1120 for another buyer) / Cr 4010 for
// the price, and Dr 5010 / Cr 1200 at cost, in one entry; the income and cost lines name the member (their
// business with the cooperative, for patronage). Stock never goes below zero.
#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/operations/trades.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  if (f.has("member_id") == f.has("buyer"))
    return f.invalid("member_id", errc::bad_request, "an input sale names either a member_id or a buyer");
  std::optional<member_id> member;
  std::string buyer;
  if (f.has("member_id")) {
    auto named = active_member(ctx, f);
    if (!named) return named.error();
    member = *named;
  } else {
    auto named = name_field(f, "buyer");
    if (!named) return named.error();
    buyer = *named;
  }
  auto item = name_field(f, "item");
  if (!item) return item.error();
  auto unit = name_field(f, "unit");
  if (!unit) return unit.error();
  auto count = quantity_field(f, "quantity");
  if (!count) return count.error();
  // On credit a member owes on their own ledger, any other buyer on the buyers' receivable.
  auto received_through = settled_through(ctx, f, member ? "1110" : "1120");
  if (!received_through) return received_through.error();
  const auto currency = ctx.info().currency;
  auto amount = positive_amount(f, "amount", currency);
  if (!amount) return amount.error();
  auto cost = positive_amount(f, "cost", currency);
  if (!cost) return cost.error();
  auto stock = chart_account(ctx, "1200");
  if (!stock) return stock.error();
  if (auto can = check_can_pay(**stock, balance_of(ctx.books(), **stock), *cost); !can) return can.error();
  const bool member_credit = member && f.flag("on_credit", false);
  draft_entry e{
      ctx.date(),
      memo_or(ctx, "Sold " + count->text() + " " + *unit + " of " + *item + " to " +
                       (member ? "member " + std::to_string(member->value) : buyer)),
      {line_of((*received_through)->code, member_credit ? member : std::nullopt, side::debit, *amount),
       line_of("4010", member, side::credit, *amount), line_of("5010", member, side::debit, *cost),
       line_of("1200", std::nullopt, side::credit, *cost)},
      std::nullopt,
      {}};
  return post_trade({std::move(e)}, trade_of("input_sale", member, buyer, *item, *count, *unit, *amount));
}

}  // namespace

const operation_type input_sale{"input_sale",
                                {group_kind::agri_cooperative},
                                {{"member_id", field_type::id, false, {}, {}, "member"},
                                 {"buyer", field_type::text, false},
                                 {"item", field_type::text, true},
                                 {"quantity", field_type::text, true},
                                 {"unit", field_type::text, true},
                                 {"amount", field_type::amount, true},
                                 {"cost", field_type::amount, true},
                                 {"on_credit", field_type::boolean, false},
                                 {"via", field_type::text, false, {}, {}, "account"}},
                                {"4010", "5010", "1200", "1010", "1110", "1120"},
                                plan,
                                nullptr};

}  // namespace samaki::ledger::operations
