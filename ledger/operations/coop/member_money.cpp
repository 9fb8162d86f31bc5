#include "ledger/operations/coop/member_money.hpp"

#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger {

result<apply_step> plan_member_money(operation_context& ctx, const field_reader& f,
                                     const member_money_rule& rule) {
  auto member = active_member(ctx, f);
  if (!member) return member.error();
  auto ledger_account = chart_account(ctx, rule.account);
  if (!ledger_account) return ledger_account.error();
  auto cash = cash_account_of(ctx, f, "via", (*ledger_account)->currency);
  if (!cash) return cash.error();
  const auto held = member_balance(ctx, **ledger_account, *member);
  money amount;
  if (f.has("amount") || !rule.beyond_balance) {
    auto given = positive_amount(f, "amount", (*cash)->currency);
    if (!given) return given.error();
    amount = *given;
  } else {
    amount = held;
    if (!amount.is_positive())
      return f.invalid(
          "member_id", errc::bad_request,
          "member " + std::to_string(member->value) + " has nothing on account " + std::string(rule.account),
          {{"member_id", std::to_string(member->value)}, {"account", std::string(rule.account)}});
  }
  const auto id = std::to_string(member->value);
  if (rule.beyond_balance && compare(amount, held) > 0)
    return f.invalid("amount", *rule.beyond_balance,
                     "member " + id + " has " + held.amount_text() + " on account " +
                         std::string(rule.account) + ", less than " + amount.amount_text(),
                     {{"member_id", id},
                      {"account", std::string(rule.account)},
                      {"limit", held.amount_text()},
                      {"value", amount.amount_text()}});
  if (!rule.into_cash)
    if (auto can = check_can_pay(**cash, balance_of(ctx.books(), **cash), amount); !can) return can.error();
  auto on_member = line_of(rule.account, *member, rule.into_cash ? side::credit : side::debit, amount);
  auto on_cash = line_of((*cash)->code, std::nullopt, rule.into_cash ? side::debit : side::credit, amount);
  draft_entry e{ctx.date(),
                memo_or(ctx, std::string(rule.memo) + ": member " + id),
                rule.into_cash ? std::vector{on_cash, on_member} : std::vector{on_member, on_cash},
                std::nullopt,
                {}};
  return post_entries({std::move(e)});
}

std::vector<field_spec> member_money_fields(bool amount_required) {
  return {{"member_id", field_type::id, true, {}, {}, "member"},
          {"amount", field_type::amount, amount_required},
          {"via", field_type::text, false, {}, {}, "account"}};
}

}  // namespace samaki::ledger
