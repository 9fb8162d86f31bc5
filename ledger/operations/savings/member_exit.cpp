// member_exit {"member_id", "with_profit"}: a member leaves mid-cycle (operations.md, "A member leaves").
// Their outstanding loans (principal and interest due) are offset first, refused with loan_outstanding when
// their savings do not cover them; they are paid their shares at value, or with with_profit their share-out
// preview, through 2020[m] to cash; then they are marked left and can no longer be named in an operation.
#include "ledger/groups/registry.hpp"
#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/savings/movements.hpp"
#include "ledger/savings/share_out.hpp"
#include "ledger/store/book_reads.hpp"
#include "ledger/store/group_records.hpp"
#include "ledger/store/operation_records.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::operations {
namespace {

draft_line line(std::string_view account, std::optional<member_id> member, side direction,
                const money& amount) {
  return draft_line{std::string(account), member, direction, amount, ""};
}

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto& books = ctx.books();
  const auto day = ctx.date();
  const auto member = f.id<member_id>("member_id");
  auto info = load_member(books.db(), member);
  if (!info || info->group != ctx.info().id)
    return f.invalid("member_id", errc::not_a_member,
                     "member " + std::to_string(member.value) + " is not in this group",
                     {{"member_id", std::to_string(member.value)}, {"rule", "not_a_member"}});
  if (info->left_on)
    return f.invalid("member_id", errc::not_a_member,
                     "member " + std::to_string(member.value) + " left on " + info->left_on->to_string(),
                     {{"member_id", std::to_string(member.value)}, {"rule", "not_a_member"}});
  auto cycle = open_cycle_on(ctx, day);
  if (!cycle) return cycle.error();
  const auto currency = ctx.info().currency;
  const auto zero = money::zero(currency);

  const auto* shares_account = ctx.group().account("3010");
  if (!shares_account) return error(errc::unknown_account, "the group has no account 3010");
  auto savings = money(-books.balance(shares_account->id, member), currency);
  auto payout = savings;
  if (f.flag("with_profit", false)) {
    auto sheet = compute_share_out(load_accounts(books.db(), ctx.info().id),
                                   balances_as_of(books.db(), ctx.info().id, day),
                                   cycle->settings_on(day).cash_unit, day);
    payout = zero;
    for (const auto& row : sheet.members)
      if (row.member == member) payout = row.payout;
  }
  money interest = zero, principal = zero;
  std::vector<std::pair<loan_id, repayment_split>> offsets;
  for (const auto& loan : load_loans(books.db(), loan_filter{ctx.info().id, member, std::nullopt})) {
    auto p = position_at(loan, day);
    if (p.status != loan_status::open) continue;
    interest = plus(interest, p.interest_due);
    principal = plus(principal, p.outstanding);
    offsets.emplace_back(loan.id, repayment_split{p.interest_due, p.outstanding});
  }
  auto owed = plus(interest, principal);
  if (compare(owed, payout) > 0)
    return error(errc::loan_outstanding,
                 "member " + std::to_string(member.value) + " owes " + owed.amount_text() +
                     ", more than the " + payout.amount_text() + " they would be paid",
                 {{"member_id", std::to_string(member.value)},
                  {"rule", "loan_outstanding"},
                  {"limit", payout.amount_text()},
                  {"value", owed.amount_text()}});
  auto cash = minus(payout, owed);
  const auto* box = ctx.group().account("1010");
  if (!box) return error(errc::unknown_account, "the group has no account 1010");
  if (auto can = check_can_pay(*box, balance_of(books, *box), cash); !can) return can.error();

  std::vector<draft_entry> entries;
  auto memo = [&](std::string what) {
    return ctx.request().memo.empty() ? what : ctx.request().memo + ": " + what;
  };
  if (owed.is_positive()) {
    draft_entry e{day,
                  memo("Member leaves: loans offset"),
                  {line("2020", member, side::debit, owed)},
                  std::nullopt,
                  {}};
    if (interest.is_positive()) e.lines.push_back(line("4010", member, side::credit, interest));
    if (principal.is_positive()) e.lines.push_back(line("1100", member, side::credit, principal));
    entries.push_back(std::move(e));
  }
  if (payout.is_positive() || savings.is_positive()) {
    draft_entry e{day, memo("Member leaves: savings paid out"), {}, std::nullopt, {}};
    if (savings.is_positive()) e.lines.push_back(line("3010", member, side::debit, savings));
    auto profit = minus(payout, savings);
    if (profit.is_positive()) e.lines.push_back(line("3020", member, side::debit, profit));
    if (profit.is_negative()) e.lines.push_back(line("3020", member, side::credit, negate(profit).value()));
    if (payout.is_positive()) e.lines.push_back(line("2020", member, side::credit, payout));
    entries.push_back(std::move(e));
  }
  if (cash.is_positive())
    entries.push_back(
        draft_entry{day,
                    memo("Member leaves: paid in cash"),
                    {line("2020", member, side::debit, cash), line("1010", std::nullopt, side::credit, cash)},
                    std::nullopt,
                    {}});
  return apply_step([entries = std::move(entries), offsets = std::move(offsets), member, payout, owed,
                     cash](operation_context& run) -> result<void> {
    for (const auto& e : entries)
      if (auto posted = run.post(e); !posted) return posted.error();
    for (const auto& [loan, split] : offsets)
      insert_loan_payment(
          run.books(), loan,
          loan_payment{run.date(), split.interest, split.principal, payment_kind::offset, run.id()});
    set_member_left(run.books(), member, run.date(), run.id());
    run.books().remember_member(member, member_state{run.info().id, run.date()});
    run.books().note_changed(run.info().id);
    run.outcome()["member_id"] = field_value{member.value};
    run.outcome()["payout"] = field_value{payout.amount_text()};
    run.outcome()["offset"] = field_value{owed.amount_text()};
    run.outcome()["paid_in_cash"] = field_value{cash.amount_text()};
    return {};
  });
}

// The member is back once the exit is reversed, as long as nothing was recorded after it.
result<apply_step> plan_undo(operation_context& ctx, const operation_record& original) {
  if (later_live_operation(ctx.books().db(), original.group, original.id))
    return error(errc::conflict, "operations were recorded after operation " +
                                     std::to_string(original.id.value) + "; reverse them first");
  return apply_step([id = original.id, group = original.group](operation_context& run) -> result<void> {
    if (auto member = member_left_by(run.books(), id)) {
      set_member_left(run.books(), *member, std::nullopt, std::nullopt);
      run.books().remember_member(*member, member_state{group, std::nullopt});
    }
    return {};
  });
}

}  // namespace

const operation_type member_exit{
    "member_exit",
    {group_kind::savings_group},
    {{"member_id", field_type::id, true, {}, {}, "member"}, {"with_profit", field_type::boolean, false}},
    {"1100", "2020", "3010", "3020", "4010", "1010"},
    plan,
    plan_undo};

}  // namespace samaki::ledger::operations
