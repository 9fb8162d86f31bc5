// input_purchase {"supplier", "item", "quantity", "unit", "amount", "on_credit"?, "via"?}: seed, fertiliser
// and the like bought for resale to members: Dr 1200 / Cr cash, or 2010 on credit.
#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/operations/trades.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto supplier = name_field(f, "supplier");
  if (!supplier) return supplier.error();
  auto item = name_field(f, "item");
  if (!item) return item.error();
  auto unit = name_field(f, "unit");
  if (!unit) return unit.error();
  auto count = quantity_field(f, "quantity");
  if (!count) return count.error();
  auto paid_through = settled_through(ctx, f, "2010");
  if (!paid_through) return paid_through.error();
  auto amount = positive_amount(f, "amount", (*paid_through)->currency);
  if (!amount) return amount.error();
  if (!f.flag("on_credit", false))
    if (auto can = check_can_pay(**paid_through, balance_of(ctx.books(), **paid_through), *amount); !can)
      return can.error();
  draft_entry e{ctx.date(),
                memo_or(ctx, "Bought " + count->text() + " " + *unit + " of " + *item + " from " + *supplier),
                {line_of("1200", std::nullopt, side::debit, *amount),
                 line_of((*paid_through)->code, std::nullopt, side::credit, *amount)},
                std::nullopt,
                {}};
  return post_trade({std::move(e)},
                    trade_of("input_purchase", std::nullopt, *supplier, *item, *count, *unit, *amount));
}

}  // namespace

const operation_type input_purchase{"input_purchase",
                                    {group_kind::agri_cooperative},
                                    {{"supplier", field_type::text, true},
                                     {"item", field_type::text, true},
                                     {"quantity", field_type::text, true},
                                     {"unit", field_type::text, true},
                                     {"amount", field_type::amount, true},
                                     {"on_credit", field_type::boolean, false},
                                     {"via", field_type::text, false, {}, {}, "account"}},
                                    {"1200", "1010", "1020", "2010"},
                                    plan,
                                    nullptr};

}  // namespace samaki::ledger::operations
