// transfer {"from", "to", "amount"}: cash moved between the group's cash boxes and bank accounts (1010,
// 1020, 1030 in a savings group; cash and bank, riel or dollars, elsewhere), in one currency, never taking
// the paying account below zero.
#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

struct transfer_plan {
  const account_info* from;
  const account_info* to;
  money amount;
};

result<const account_info*> cash_account(operation_context& ctx, const field_reader& f,
                                         std::string_view name) {
  auto code = f.text(name);
  const account_info* account = ctx.group().account(code);
  if (!account) return f.invalid(name, errc::unknown_account, "no account " + code + " in this group");
  if (!holds_cash(*account))
    return f.invalid(name, errc::bad_request, "account " + code + " is not a cash box or bank account");
  return account;
}

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  // check: the fields alone.
  auto from = cash_account(ctx, f, "from");
  if (!from) return from.error();
  auto to = cash_account(ctx, f, "to");
  if (!to) return to.error();
  if (*from == *to) return f.invalid("to", errc::bad_request, "a transfer needs two different accounts");
  if (!((*from)->currency == (*to)->currency))
    return f.invalid("to", errc::currency_mismatch,
                     "accounts " + (*from)->code + " and " + (*to)->code +
                         " hold different currencies; record an exchange");
  auto amount = f.amount("amount", (*from)->currency);
  if (!amount) return amount.error();
  if (!amount->is_positive()) return f.invalid("amount", errc::invalid_amount, "the amount must be positive");
  // plan: against the books.
  if (auto can = check_can_pay(**from, balance_of(ctx.books(), **from), *amount); !can) return can.error();
  transfer_plan p{*from, *to, *amount};
  // apply: one entry.
  return apply_step([p](operation_context& run) -> result<void> {
    auto memo = run.request().memo.empty() ? "Transfer from " + p.from->code + " to " + p.to->code
                                           : run.request().memo;
    auto posted = run.post(draft_entry{run.date(),
                                       memo,
                                       {draft_line{p.to->code, std::nullopt, side::debit, p.amount, ""},
                                        draft_line{p.from->code, std::nullopt, side::credit, p.amount, ""}},
                                       std::nullopt,
                                       {}});
    if (!posted) return posted.error();
    return {};
  });
}

}  // namespace

const operation_type transfer{
    "transfer",
    {group_kind::savings_group, group_kind::agri_cooperative, group_kind::joint_task},
    {
        {"from", field_type::text, true, {}, {}, "account"},
        {"to", field_type::text, true, {}, {}, "account"},
        {"amount", field_type::amount, true},
    },
    {"1010", "1011", "1020", "1021", "1030"},
    plan,
    nullptr,
};

}  // namespace samaki::ledger::operations
