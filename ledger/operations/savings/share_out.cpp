// share_out {"date", "reinvest": [{"member_id", "shares"}]}: the end of a savings group's cycle
// (operations.md, "Share-out"). In order:
//   1. every outstanding loan (principal and the interest due) is offset against its borrower's payout:
//      Dr 2020[m] / Cr 4010 (the interest, attributed) and Cr 1100[m] (the principal);
//   2. income and expenses are closed into 3020 by the visible closing entry;
//   3. the fund is shared out by product.md's arithmetic: Dr 3010[m], 3020, 3040 / Cr 2020[m]; the residual
//      stays on 3040 and the social fund 3030 carries over;
//   4. each payout less its offset is paid in cash (Dr 2020[m] / Cr 1010), or buys whole shares of the next
//   cycle
//      (Dr 2020[m] / Cr 3010[m]) for the members who reinvest, the rest in cash;
//   5. the cycle closes as a period of kind cycle, with its seal.
// A share-out closes the books with a seal the members copied into their minute book: it is not reversed.
#include "ledger/savings/share_out.hpp"
#include "ledger/groups/closing.hpp"
#include "ledger/groups/registry.hpp"
#include "ledger/operations/cash_rules.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/savings/movements.hpp"
#include "ledger/operations/seal_outcome.hpp"
#include "ledger/store/book_reads.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace samaki::ledger::operations {
namespace {

struct member_plan {
  member_id member;
  money weight, payout, offset, interest, principal, reinvested, cash;
  int reinvest_shares = 0;
  std::vector<std::pair<loan_id, repayment_split>> offsets;
};

struct share_out_plan {
  cycle_info cycle;
  share_out_sheet sheet;
  std::vector<member_plan> members;
  money total_cash;
  money next_share_value;
  money surplus_before_payout;  // 3020 after the closing entry, as a credit balance
  money carry_forward_before;   // 3040, as a credit balance
};

draft_line line(std::string_view account, std::optional<member_id> member, side direction,
                const money& amount) {
  return draft_line{std::string(account), member, direction, amount, ""};
}

// Dr or Cr so the account moves by `credit_change` (positive: credit).
void add_change(draft_entry& e, std::string_view account, const money& credit_change) {
  if (credit_change.is_zero()) return;
  if (credit_change.is_positive())
    e.lines.push_back(line(account, std::nullopt, side::credit, credit_change));
  else
    e.lines.push_back(line(account, std::nullopt, side::debit, negate(credit_change).value()));
}

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto& books = ctx.books();
  const auto day = ctx.date();
  auto cycle = open_cycle_on(ctx, day);
  if (!cycle) return cycle.error();
  const auto& settings = cycle->settings_on(day);
  const auto currency = ctx.info().currency;
  const auto zero = money::zero(currency);

  // What the books hold at the end of the day, with the interest due at share-out counted as income.
  auto accounts = load_accounts(books.db(), ctx.info().id);
  auto balances = balances_as_of(books.db(), ctx.info().id, day);
  std::map<std::int64_t, money> interest_of, principal_of;
  std::map<std::int64_t, std::vector<std::pair<loan_id, repayment_split>>> offsets_of;
  money total_interest = zero;
  for (const auto& loan : load_loans(books.db(), loan_filter{ctx.info().id, std::nullopt, std::nullopt})) {
    auto p = position_at(loan, day);
    if (p.status != loan_status::open) continue;
    auto& interest = interest_of.try_emplace(loan.member.value, zero).first->second;
    auto& principal = principal_of.try_emplace(loan.member.value, zero).first->second;
    interest = plus(interest, p.interest_due);
    principal = plus(principal, p.outstanding);
    total_interest = plus(total_interest, p.interest_due);
    offsets_of[loan.member.value].emplace_back(loan.id, repayment_split{p.interest_due, p.outstanding});
  }
  const auto* interest_account = ctx.group().account("4010");
  if (!interest_account) return error(errc::unknown_account, "the group has no account 4010");
  balances[{interest_account->id.value, 0}] -= total_interest.minor();
  auto sheet = compute_share_out(accounts, balances, settings.cash_unit, day);
  if (sheet.fund.is_negative())
    return error(errc::insufficient_funds,
                 "the fund is " + sheet.fund.amount_text() + ": there is nothing to share",
                 {{"fund", sheet.fund.amount_text()}});

  // Reinvestment: whole shares of the next cycle's value, out of what each member is paid.
  std::map<std::int64_t, int> reinvest;
  for (const auto& r : f.objects("reinvest")) {
    auto member = r.id<member_id>("member_id");
    auto shares = r.integer("shares");
    if (shares < 0 || shares > 100000)
      return r.invalid("shares", errc::bad_request, "shares must be a count");
    if (!reinvest.emplace(member.value, static_cast<int>(shares)).second)
      return r.invalid("member_id", errc::bad_request,
                       "member " + std::to_string(member.value) + " is named twice");
  }

  share_out_plan plan{std::move(*cycle), sheet, {}, zero, settings.share_value, zero, zero};
  std::map<std::int64_t, const share_out_row*> row_of;
  for (const auto& row : plan.sheet.members) row_of[row.member.value] = &row;
  std::set<std::int64_t> everyone;
  for (const auto& [id, row] : row_of) everyone.insert(id);
  for (const auto& [id, owed] : principal_of) everyone.insert(id);
  for (const auto& [id, shares] : reinvest) everyone.insert(id);
  for (auto id : everyone) {
    member_plan m;
    m.member = member_id{id};
    auto row = row_of.find(id);
    m.weight = row == row_of.end() ? zero : row->second->weight;
    m.payout = row == row_of.end() ? zero : row->second->payout;
    m.interest = interest_of.contains(id) ? interest_of[id] : zero;
    m.principal = principal_of.contains(id) ? principal_of[id] : zero;
    m.offset = plus(m.interest, m.principal);
    m.offsets = offsets_of[id];
    if (compare(m.offset, m.payout) > 0)
      return error(errc::loan_outstanding,
                   "member " + std::to_string(id) + " owes " + m.offset.amount_text() +
                       " on loans, more than their payout " + m.payout.amount_text(),
                   {{"member_id", std::to_string(id)},
                    {"rule", "loan_outstanding"},
                    {"limit", m.payout.amount_text()},
                    {"value", m.offset.amount_text()}});
    auto left = minus(m.payout, m.offset);
    if (auto r = reinvest.find(id); r != reinvest.end()) {
      std::int64_t amount = 0;
      if (__builtin_mul_overflow(plan.next_share_value.minor(), std::int64_t{r->second}, &amount) ||
          amount > left.minor())
        return error(
            errc::insufficient_funds,
            "member " + std::to_string(id) + " is paid " + left.amount_text() + ", too little for " +
                std::to_string(r->second) + " shares",
            {{"member_id", std::to_string(id)}, {"rule", "reinvest"}, {"limit", left.amount_text()}});
      m.reinvest_shares = r->second;
      m.reinvested = money(amount, currency);
    } else {
      m.reinvested = zero;
    }
    m.cash = minus(left, m.reinvested);
    plan.total_cash = plus(plan.total_cash, m.cash);
    plan.members.push_back(std::move(m));
  }
  const auto* cash_box = ctx.group().account("1010");
  if (!cash_box) return error(errc::unknown_account, "the group has no account 1010");
  if (auto can = check_can_pay(*cash_box, balance_of(books, *cash_box), plan.total_cash); !can)
    return can.error();

  // The equity left to share after the closing entry: 3020 takes the year's result, 3040 carries what it
  // held.
  auto credit_balance = [&](std::string_view code) {
    const auto* a = ctx.group().account(code);
    auto it = a ? balances.find({a->id.value, 0}) : balances.end();
    return money(it == balances.end() ? 0 : -it->second, currency);
  };
  money year_result = zero;
  for (const auto& a : accounts)
    if ((a.type == account_type::income || a.type == account_type::expense) && a.currency == currency)
      if (auto it = balances.find({a.id.value, 0}); it != balances.end())
        year_result = minus(year_result, money(it->second, currency));
  plan.surplus_before_payout = plus(credit_balance("3020"), year_result);
  plan.carry_forward_before = credit_balance("3040");

  return apply_step([plan = std::move(plan)](operation_context& run) -> result<void> {
    const auto on = run.date();
    const auto unit = run.info().currency;
    auto memo = [&](std::string what) {
      return run.request().memo.empty() ? what : run.request().memo + ": " + what;
    };
    // 1. Offsets.
    draft_entry offsets{on, memo("Share-out: loans offset against payouts"), {}, std::nullopt, {}};
    for (const auto& m : plan.members) {
      if (m.offset.is_zero()) continue;
      offsets.lines.push_back(line("2020", m.member, side::debit, m.offset));
      if (m.interest.is_positive()) offsets.lines.push_back(line("4010", m.member, side::credit, m.interest));
      if (m.principal.is_positive())
        offsets.lines.push_back(line("1100", m.member, side::credit, m.principal));
    }
    if (!offsets.lines.empty())
      if (auto posted = run.post(std::move(offsets)); !posted) return posted.error();
    // 2. The closing entry.
    auto closing = closing_entry_for(run.books(), run.group(), on);
    if (!closing) return closing.error();
    if (*closing) {
      (*closing)->memo = memo((*closing)->memo);
      if (auto posted = run.post(std::move(**closing)); !posted) return posted.error();
    }
    // 3. Payouts.
    draft_entry payouts{on, memo("Share-out: payouts"), {}, std::nullopt, {}};
    money paid = money::zero(unit);
    for (const auto& m : plan.members)
      if (m.weight.is_positive()) payouts.lines.push_back(line("3010", m.member, side::debit, m.weight));
    add_change(payouts, "3020", negate(plan.surplus_before_payout).value());
    add_change(payouts, "3040", minus(plan.sheet.residual, plan.carry_forward_before));
    for (const auto& m : plan.members) {
      if (m.payout.is_positive()) payouts.lines.push_back(line("2020", m.member, side::credit, m.payout));
      paid = plus(paid, m.payout);
    }
    if (payouts.lines.size() >= 2)
      if (auto posted = run.post(std::move(payouts)); !posted) return posted.error();
    // 4. Cash and reinvestment.
    draft_entry cash{on, memo("Share-out: paid in cash"), {}, std::nullopt, {}};
    draft_entry reinvested{on, memo("Share-out: shares bought for the next cycle"), {}, std::nullopt, {}};
    for (const auto& m : plan.members) {
      if (m.cash.is_positive()) cash.lines.push_back(line("2020", m.member, side::debit, m.cash));
      if (m.reinvested.is_positive()) {
        reinvested.lines.push_back(line("2020", m.member, side::debit, m.reinvested));
        reinvested.lines.push_back(line("3010", m.member, side::credit, m.reinvested));
      }
    }
    if (plan.total_cash.is_positive()) {
      cash.lines.push_back(line("1010", std::nullopt, side::credit, plan.total_cash));
      if (auto posted = run.post(std::move(cash)); !posted) return posted.error();
    }
    if (!reinvested.lines.empty())
      if (auto posted = run.post(std::move(reinvested)); !posted) return posted.error();
    // Loans offset, the cycle closed, and the next one started for those who reinvest.
    for (const auto& m : plan.members)
      for (const auto& [loan, split] : m.offsets)
        insert_loan_payment(
            run.books(), loan,
            loan_payment{on, split.interest, split.principal, payment_kind::offset, run.id()});
    set_cycle_closed(run.books(), plan.cycle.id, on);
    std::optional<cycle_id> next;
    if (std::any_of(plan.members.begin(), plan.members.end(),
                    [](const auto& m) { return m.reinvest_shares > 0; })) {
      cycle_info next_cycle;
      next_cycle.group = run.info().id;
      next_cycle.operation = run.id();
      next_cycle.start = on.plus_days(1);
      next_cycle.created_by = run.request().author;
      next_cycle.created_at = now_rfc3339();
      next = insert_cycle(run.books(), next_cycle);
      auto next_settings = plan.cycle.settings_on(on);
      next_settings.effective_from = next_cycle.start;
      insert_cycle_settings(run.books(), *next, run.id(), next_settings, next_cycle.created_by,
                            next_cycle.created_at);
      for (const auto& m : plan.members)
        if (m.reinvest_shares > 0)
          insert_share_purchase(run.books(), run.id(), m.member, *next, m.reinvest_shares,
                                m.reinvested.minor());
    }
    // 5. The period closes with its seal.
    auto period =
        close_period(run.books(), period_close{run.info().id, on, period_kind::cycle, run.request().author});
    if (!period) return period.error();

    field_list rows;
    for (const auto& m : plan.members)
      rows.push_back(
          field_value{field_map{{"member_id", field_value{m.member.value}},
                                {"weight", field_value{m.weight.amount_text()}},
                                {"payout", field_value{m.payout.amount_text()}},
                                {"offset", field_value{m.offset.amount_text()}},
                                {"reinvested", field_value{m.reinvested.amount_text()}},
                                {"reinvested_shares", field_value{std::int64_t{m.reinvest_shares}}},
                                {"paid_in_cash", field_value{m.cash.amount_text()}}}});
    auto& out = run.outcome();
    out["share_out"] =
        field_value{field_map{{"as_of", field_value{on.to_string()}},
                              {"currency", field_value{std::string(unit.code())}},
                              {"fund", field_value{plan.sheet.fund.amount_text()}},
                              {"cash_unit", field_value{plan.sheet.cash_unit.amount_text()}},
                              {"total_weight", field_value{plan.sheet.total_weight.amount_text()}},
                              {"residual", field_value{plan.sheet.residual.amount_text()}},
                              {"members", field_value{std::move(rows)}}}};
    out["members"] = std::get<field_map>(out["share_out"].value).at("members");
    out["seal"] = field_value{seal_fields(*period)};
    out["period_id"] = field_value{period->id.value};
    out["cycle_id"] = field_value{plan.cycle.id.value};
    out["next_cycle_id"] = next ? field_value{next->value} : field_value{};
    return {};
  });
}

result<apply_step> refuse_undo(operation_context&, const operation_record& original) {
  return error(errc::conflict, "share-out " + std::to_string(original.id.value) +
                                   " closed the cycle with its seal; it is not reversed");
}

}  // namespace

const operation_type share_out{
    "share_out",
    {group_kind::savings_group},
    {{"reinvest",
      field_type::list,
      false,
      {},
      {{"reinvestment",
        field_type::object,
        true,
        {},
        {{"member_id", field_type::id, true, {}, {}, "member"}, {"shares", field_type::integer, true}}}}}},
    {"1100", "2020", "3010", "3020", "3040", "4010", "1010"},
    plan,
    refuse_undo};

}  // namespace samaki::ledger::operations
