#include "ledger/operations/cash_movement.hpp"

#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger {
namespace {

result<const account_info*> account_of_type(operation_context& ctx, const field_reader& f,
                                            std::string_view name, account_type type,
                                            std::string_view default_account) {
  auto code = f.optional_text(name).value_or(std::string(default_account));
  const auto* account = ctx.group().account(code);
  if (!account) return f.invalid(name, errc::unknown_account, "no account " + code + " in this group");
  if (account->type != type)
    return f.invalid(name, errc::bad_request,
                     "account " + code + " is not an " + std::string(type_name(type)) + " account");
  return account;
}

}  // namespace

result<apply_step> plan_cash_movement(operation_context& ctx, const field_reader& f, account_type type,
                                      std::string_view cash_field, std::string_view default_account) {
  auto account = account_of_type(ctx, f, "account", type, default_account);
  if (!account) return account.error();
  auto cash = cash_account_of(ctx, f, cash_field);
  if (!cash) return cash.error();
  auto amount = positive_amount(f, "amount", (*cash)->currency);
  if (!amount) return amount.error();
  if (!((*account)->currency == (*cash)->currency))
    return f.invalid(cash_field, errc::currency_mismatch,
                     "accounts " + (*account)->code + " and " + (*cash)->code + " hold different currencies");
  std::optional<member_id> member;
  if (f.has("member_id")) {
    auto named = active_member(ctx, f);
    if (!named) return named.error();
    member = *named;
  }
  const bool paying = type == account_type::expense;
  if (paying)
    if (auto can = check_can_pay(**cash, balance_of(ctx.books(), **cash), *amount); !can) return can.error();
  auto movement = line_of((*account)->code, member, paying ? side::debit : side::credit, *amount);
  auto money_line = line_of((*cash)->code, std::nullopt, paying ? side::credit : side::debit, *amount);
  draft_entry e{ctx.date(),
                memo_or(ctx, std::string(paying ? "Expense: " : "Income: ") + (*account)->name),
                paying ? std::vector{movement, money_line} : std::vector{money_line, movement},
                std::nullopt,
                {}};
  return post_entries({std::move(e)});
}

std::vector<field_spec> expense_fields() {
  return {{"account", field_type::text, true, {}, {}, "account"},
          {"amount", field_type::amount, true},
          {"from", field_type::text, false, {}, {}, "account"},
          {"member_id", field_type::id, false, {}, {}, "member"}};
}

}  // namespace samaki::ledger
