// expense {"account", "amount", "from"?, "member_id"?} and income {"account", "amount", "to"?, "member_id"?}:
// money paid out of or into a cash box or bank account (1010 when left out) for an expense (5xxx) or an
// income (4xxx) account of the group; a member named is attribution (whose expense, whose income). Every kind
// of group.
#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

constexpr std::string_view default_cash = "1010";

result<const account_info*> account_of_type(operation_context& ctx, const field_reader& f,
                                            std::string_view name, account_type type) {
  auto code = f.text(name);
  const auto* account = ctx.group().account(code);
  if (!account) return f.invalid(name, errc::unknown_account, "no account " + code + " in this group");
  if (account->type != type)
    return f.invalid(name, errc::bad_request,
                     "account " + code + " is not an " + std::string(type_name(type)) + " account");
  return account;
}

result<const account_info*> cash_of(operation_context& ctx, const field_reader& f, std::string_view name) {
  auto code = f.optional_text(name).value_or(std::string(default_cash));
  const auto* account = ctx.group().account(code);
  if (!account) return f.invalid(name, errc::unknown_account, "no account " + code + " in this group");
  if (!holds_cash(*account))
    return f.invalid(name, errc::bad_request, "account " + code + " is not a cash box or bank account");
  return account;
}

// Plans one entry between a cash account and an income or expense account.
result<apply_step> plan_cash_movement(operation_context& ctx, const field_reader& f, account_type type,
                                      std::string_view cash_field) {
  auto account = account_of_type(ctx, f, "account", type);
  if (!account) return account.error();
  auto cash = cash_of(ctx, f, cash_field);
  if (!cash) return cash.error();
  auto amount = f.amount("amount", (*cash)->currency);
  if (!amount) return amount.error();
  if (!amount->is_positive()) return f.invalid("amount", errc::invalid_amount, "the amount must be positive");
  if (!((*account)->currency == (*cash)->currency))
    return f.invalid(cash_field, errc::currency_mismatch,
                     "accounts " + (*account)->code + " and " + (*cash)->code + " hold different currencies");
  auto member = f.optional_id<member_id>("member_id");
  const bool paying = type == account_type::expense;
  if (paying)
    if (auto can = check_can_pay(**cash, balance_of(ctx.books(), **cash), *amount); !can) return can.error();
  draft_line movement{(*account)->code, member, paying ? side::debit : side::credit, *amount, ""};
  draft_line money_line{(*cash)->code, std::nullopt, paying ? side::credit : side::debit, *amount, ""};
  auto memo = ctx.request().memo.empty() ? std::string(paying ? "Expense: " : "Income: ") + (*account)->name
                                         : ctx.request().memo;
  draft_entry e{ctx.date(), memo, {}, std::nullopt, {}};
  e.lines = paying ? std::vector{movement, money_line} : std::vector{money_line, movement};
  return apply_step([e = std::move(e)](operation_context& run) -> result<void> {
    if (auto posted = run.post(e); !posted) return posted.error();
    return {};
  });
}

result<apply_step> plan_expense(operation_context& ctx, const field_reader& f) {
  return plan_cash_movement(ctx, f, account_type::expense, "from");
}

result<apply_step> plan_income(operation_context& ctx, const field_reader& f) {
  return plan_cash_movement(ctx, f, account_type::income, "to");
}

const std::vector<group_kind> every_kind = {group_kind::savings_group, group_kind::agri_cooperative,
                                            group_kind::joint_task};

}  // namespace

const operation_type expense{
    "expense",
    every_kind,
    {{"account", field_type::text, true, {}, {}, "account"},
     {"amount", field_type::amount, true},
     {"from", field_type::text, false, {}, {}, "account"},
     {"member_id", field_type::id, false, {}, {}, "member"}},
    {"5010", "5020", "5030", "5040", "5050", "5060", "5070", "5080", "1010", "1020", "1030"},
    plan_expense,
    nullptr};

const operation_type income{"income",
                            every_kind,
                            {{"account", field_type::text, true, {}, {}, "account"},
                             {"amount", field_type::amount, true},
                             {"to", field_type::text, false, {}, {}, "account"},
                             {"member_id", field_type::id, false, {}, {}, "member"}},
                            {"4030", "4050", "4060", "1010", "1020", "1030"},
                            plan_income,
                            nullptr};

}  // namespace samaki::ledger::operations
