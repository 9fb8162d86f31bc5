// produce_purchase {"member_id", "crop", "quantity_kg", "price_per_kg", "on_credit"?, "via"?}: the
// cooperative buys a member's produce: Dr 5020 (attributed to the member: their business, for patronage) /
// Cr cash, or on credit 2020[m] (paid later with pay_member).
#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/operations/trades.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto member = active_member(ctx, f);
  if (!member) return member.error();
  auto crop = name_field(f, "crop");
  if (!crop) return crop.error();
  auto kg = quantity_field(f, "quantity_kg");
  if (!kg) return kg.error();
  auto price = positive_amount(f, "price_per_kg", ctx.info().currency);
  if (!price) return price.error();
  auto amount = price_times(*price, *kg);
  if (!amount) return amount.error();
  if (!amount->is_positive())
    return f.invalid("quantity_kg", errc::invalid_amount, "the purchase comes to nothing");
  const bool on_credit = f.flag("on_credit", false);
  auto paid_through = settled_through(ctx, f, "2020");
  if (!paid_through) return paid_through.error();
  if (!on_credit)
    if (auto can = check_can_pay(**paid_through, balance_of(ctx.books(), **paid_through), *amount); !can)
      return can.error();
  draft_entry e{ctx.date(),
                memo_or(ctx, "Bought " + kg->text() + " kg of " + *crop + " from member " +
                                 std::to_string(member->value)),
                {line_of("5020", *member, side::debit, *amount),
                 line_of((*paid_through)->code, on_credit ? std::optional(*member) : std::nullopt,
                         side::credit, *amount)},
                std::nullopt,
                {}};
  return post_trade({std::move(e)}, trade_of("produce_purchase", *member, "", *crop, *kg, "kg", *amount));
}

}  // namespace

const operation_type produce_purchase{"produce_purchase",
                                      {group_kind::agri_cooperative},
                                      {{"member_id", field_type::id, true, {}, {}, "member"},
                                       {"crop", field_type::text, true},
                                       {"quantity_kg", field_type::text, true},
                                       {"price_per_kg", field_type::amount, true},
                                       {"on_credit", field_type::boolean, false},
                                       {"via", field_type::text, false, {}, {}, "account"}},
                                      {"5020", "1010", "1020", "2020"},
                                      plan,
                                      nullptr};

}  // namespace samaki::ledger::operations
