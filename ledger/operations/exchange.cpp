// exchange {"from": {"account", "amount"}, "to": {"account", "amount"}}: riel changed for dollars or back,
// between two cash or bank accounts of different currencies, one of them the group's, in one entry through
// the exchange accounts 3900/3901, balanced in each currency. The rate (the group's currency per unit of the
// other, e.g. "4100" riel a dollar) goes in the entry's metadata and its memo.
#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/exchange_lines.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

result<exchange_leg> leg(operation_context& ctx, const field_reader& f, std::string_view name) {
  auto side_fields = *f.object(name);
  auto account = cash_account_of(ctx, side_fields, "account");
  if (!account) return account.error();
  auto amount = positive_amount(side_fields, "amount", (*account)->currency);
  if (!amount) return amount.error();
  return exchange_leg{*account, std::nullopt, *amount};
}

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto from = leg(ctx, f, "from");
  if (!from) return from.error();
  auto to = leg(ctx, f, "to");
  if (!to) return to.error();
  const auto base = ctx.info().currency;
  if (from->amount.currency() == to->amount.currency() ||
      !(from->amount.currency() == base || to->amount.currency() == base))
    return f.invalid(
        "to", errc::currency_mismatch,
        "an exchange is between the group's currency (" + std::string(base.code()) + ") and another one",
        {{"from_currency", std::string(from->amount.currency_code())},
         {"to_currency", std::string(to->amount.currency_code())}});
  if (auto can = check_can_pay(*from->account, balance_of(ctx.books(), *from->account), from->amount); !can)
    return can.error();
  auto lines = exchange_lines(ctx, *from, *to);
  if (!lines) return lines.error();
  auto rate = rate_of(base, from->amount, to->amount);
  auto memo = "Exchange " + from->amount.amount_text() + " " + std::string(from->amount.currency_code()) +
              " for " + to->amount.amount_text() + " " + std::string(to->amount.currency_code()) + " at " +
              rate.text;
  if (!ctx.request().memo.empty()) memo = ctx.request().memo + " (" + rate.text + ")";
  draft_entry e{ctx.date(), memo, std::move(*lines), std::nullopt, rate.metadata};
  return post_entries({std::move(e)});
}

std::vector<field_spec> leg_fields() {
  return {{"account", field_type::text, true, {}, {}, "account"}, {"amount", field_type::amount, true}};
}

}  // namespace

const operation_type exchange{"exchange",
                              {group_kind::agri_cooperative, group_kind::joint_task},
                              {{"from", field_type::object, true, {}, leg_fields()},
                               {"to", field_type::object, true, {}, leg_fields()}},
                              {"1010", "1011", "1020", "1021", "3900", "3901"},
                              plan,
                              nullptr};

}  // namespace samaki::ledger::operations
