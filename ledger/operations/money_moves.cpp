#include "ledger/operations/money_moves.hpp"

#include "ledger/journal/posting_rules.hpp"

#include "ledger/operations/cash_rules.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>

namespace samaki::ledger {

result<const account_info*> chart_account(operation_context& ctx, std::string_view code) {
  const auto* account = ctx.group().account(code);
  if (!account)
    return error(errc::unknown_account, "the group has no account " + std::string(code),
                 {{"account", std::string(code)}});
  return account;
}

result<const account_info*> cash_account_of(operation_context& ctx, const field_reader& f,
                                            std::string_view field, std::optional<iso_currency> currency) {
  auto& group = ctx.group();
  auto named = f.optional_text(field);
  if (!named && currency && !(*currency == group.info.currency)) {
    // The first cash box or bank account in that currency, by code.
    const account_info* found = nullptr;
    for (const auto& [code, account] : group.accounts)
      if (holds_cash(account) && account.currency == *currency && !account.closed_on &&
          (!found || code < found->code))
        found = &account;
    if (!found)
      return f.invalid(field, errc::unknown_account,
                       "the group has no cash account in " + std::string(currency->code()));
    return found;
  }
  auto code = named.value_or("1010");
  const auto* account = group.account(code);
  if (!account) return f.invalid(field, errc::unknown_account, "no account " + code + " in this group");
  if (!holds_cash(*account))
    return f.invalid(field, errc::bad_request, "account " + code + " is not a cash box or bank account");
  if (currency && !(account->currency == *currency))
    return f.invalid(field, errc::currency_mismatch,
                     "account " + code + " holds " + std::string(account->currency.code()) + ", not " +
                         std::string(currency->code()),
                     {{"currency", std::string(account->currency.code())}});
  return account;
}

result<const account_info*> settled_through(operation_context& ctx, const field_reader& f,
                                            std::string_view on_credit) {
  if (!f.flag("on_credit", false)) return cash_account_of(ctx, f, "via");
  if (f.has("via"))
    return f.invalid("via", errc::bad_request, "an operation on credit moves no cash: leave out via");
  return chart_account(ctx, on_credit);
}

result<member_id> active_member(operation_context& ctx, const field_reader& f, std::string_view field) {
  auto member = f.id<member_id>(field);
  auto state = ctx.books().member(member);
  const auto id = std::to_string(member.value);
  if (!state || state->group != ctx.info().id)
    return f.invalid(field, errc::not_a_member, "member " + id + " is not a member of this group",
                     {{"member_id", id}, {"rule", "not_a_member"}});
  if (state->left_on && *state->left_on <= ctx.date())
    return f.invalid(field, errc::not_a_member,
                     "member " + id + " left the group on " + state->left_on->to_string(),
                     {{"member_id", id}, {"rule", "not_a_member"}});
  return member;
}

result<money> positive_amount(const field_reader& f, std::string_view field, iso_currency currency) {
  auto amount = f.amount(field, currency);
  if (!amount) return amount.error();
  if (!amount->is_positive()) return f.invalid(field, errc::invalid_amount, "the amount must be positive");
  return *amount;
}

std::string memo_or(const operation_context& ctx, std::string fallback) {
  return ctx.request().memo.empty() ? fallback : ctx.request().memo;
}

draft_line line_of(std::string_view account, std::optional<member_id> member, side direction,
                   const money& amount) {
  return draft_line{std::string(account), member, direction, amount, ""};
}

std::vector<draft_entry> entries_within_line_limit(calendar_date on, const std::string& memo,
                                                   std::string_view account, side balancing_side,
                                                   balancing_line where,
                                                   const std::vector<draft_line>& lines) {
  if (lines.empty()) return {};
  const std::size_t per_entry = max_lines_per_entry - 1;  // and the balancing line
  const std::size_t parts = (lines.size() + per_entry - 1) / per_entry;
  std::vector<draft_entry> out;
  for (std::size_t k = 0; k < parts; ++k) {
    auto first = lines.begin() + static_cast<std::ptrdiff_t>(k * per_entry);
    auto last = lines.begin() + static_cast<std::ptrdiff_t>(std::min(lines.size(), (k + 1) * per_entry));
    auto total = money::zero(first->amount.currency());
    for (auto it = first; it != last; ++it) total = plus(total, it->amount);
    auto part_memo =
        parts == 1 ? memo : memo + " (" + std::to_string(k + 1) + " of " + std::to_string(parts) + ")";
    draft_entry e{on, std::move(part_memo), {}, std::nullopt, {}};
    const auto balancing = line_of(account, std::nullopt, balancing_side, total);
    if (where == balancing_line::first) e.lines.push_back(balancing);
    e.lines.insert(e.lines.end(), first, last);
    if (where == balancing_line::last) e.lines.push_back(balancing);
    out.push_back(std::move(e));
  }
  return out;
}

money member_balance(operation_context& ctx, const account_info& account, member_id member) {
  auto raw = ctx.books().balance(account.id, member);
  return money(debit_normal(account.type) ? raw : -raw, account.currency);
}

apply_step post_entries(std::vector<draft_entry> entries) {
  return apply_step([entries = std::move(entries)](operation_context& run) -> result<void> {
    for (const auto& e : entries)
      if (auto posted = run.post(e); !posted) return posted.error();
    return {};
  });
}

}  // namespace samaki::ledger
