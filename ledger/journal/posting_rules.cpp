#include "ledger/journal/posting_rules.hpp"

#include "ledger/store/journal_writer.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>
#include <limits>

namespace samaki::ledger {
namespace {

using detail_list = std::vector<std::pair<std::string, std::string>>;

error line_error(errc code, std::size_t index, std::string message, detail_list more = {}) {
  detail_list details{{"line", std::to_string(index)}};
  for (auto& d : more) details.push_back(std::move(d));
  return error(code, std::move(message), std::move(details));
}

// A balance must fit in int64 in both signs: shown in natural sign it is negated, and INT64_MIN has no
// negation.
std::optional<std::int64_t> move_balance(std::int64_t balance, side direction, std::int64_t amount) {
  auto next = direction == side::debit ? checked_add(balance, amount) : checked_sub(balance, amount);
  if (!next || *next == std::numeric_limits<std::int64_t>::min()) return std::nullopt;
  return next;
}

result<resolved_line> resolve_line(write_context& ctx, const group_state& group, const draft_line& l,
                                   calendar_date date, bool closing, std::size_t index) {
  const account_info* account = group.account(l.account);
  if (!account) return line_error(errc::unknown_account, index, "no account " + l.account + " in this group");
  // A closing entry may still empty an account closed before the year ends (a late correction refilled it).
  if (account->closed_on && date > *account->closed_on && !closing)
    return line_error(errc::account_closed, index,
                      "account " + l.account + " was closed on " + account->closed_on->to_string(),
                      {{"account", l.account}, {"closed_on", account->closed_on->to_string()}});
  if (!(l.amount.currency() == account->currency))
    return line_error(errc::currency_mismatch, index,
                      "account " + l.account + " is in " + std::string(account->currency.code()) + ", not " +
                          std::string(l.amount.currency_code()),
                      {{"account", l.account}, {"currency", std::string(account->currency.code())}});
  if (!l.amount.is_positive())
    return line_error(errc::invalid_amount, index, "amounts must be positive",
                      {{"currency", std::string(account->currency.code())}});
  if (l.memo.size() > max_memo_bytes) return line_error(errc::bad_request, index, "line memo is too long");
  // Member ledgers name a member on every line; any other line may name one as attribution (charts.md).
  if (account->member_ledger && !l.member)
    return line_error(errc::member_required, index, "account " + l.account + " needs a member_id");
  if (l.member) {
    auto owner = ctx.member(*l.member);
    if (!owner || owner->group != group.info.id)
      return line_error(errc::unknown_member, index,
                        "member " + std::to_string(l.member->value) + " is not a member of this group",
                        {{"member_id", std::to_string(l.member->value)}});
  }
  return resolved_line{account, l.member, l.side, l.amount.minor(), l.memo};
}

// Debits equal credits in every currency, or the error names the first currency that differs.
result<void> check_balanced(const std::vector<resolved_line>& lines) {
  std::map<std::string_view, std::pair<std::int64_t, std::int64_t>> totals;
  for (const auto& l : lines) {
    auto& [debits, credits] = totals[l.account->currency.code()];
    auto& total = l.direction == side::debit ? debits : credits;
    auto sum = checked_add(total, l.amount);
    if (!sum)
      return error(errc::invalid_amount,
                   "the entry's total in " + std::string(l.account->currency.code()) + " overflows",
                   {{"currency", std::string(l.account->currency.code())}});
    total = *sum;
  }
  for (const auto& [code, sums] : totals) {
    if (sums.first == sums.second) continue;
    auto currency = iso_currency::of_stored(code);
    auto debits = money(sums.first, currency).amount_text(),
         credits = money(sums.second, currency).amount_text();
    std::string c(code);
    return error(errc::unbalanced_entry, "debits " + debits + " " + c + " != credits " + credits + " " + c,
                 {{"currency", c}, {"debits", debits}, {"credits", credits}});
  }
  return {};
}

}  // namespace

result<void> check_entry_date(const write_context& ctx, const group_state& group, calendar_date date) {
  if (group.closed_through && date <= *group.closed_through)
    return error(errc::period_closed,
                 "the period through " + group.closed_through->to_string() + " is closed",
                 {{"closed_through", group.closed_through->to_string()}});
  auto latest = ctx.today().plus_days(1);
  if (date > latest)
    return error(
        errc::date_in_future,
        "the date " + date.to_string() + " is more than a day after today (" + ctx.today().to_string() + ")",
        {{"date", date.to_string()}, {"latest", latest.to_string()}});
  return {};
}

result<checked_entry> check_entry(write_context& ctx, group_state& group, draft_entry draft,
                                  std::string author) {
  if (draft.lines.size() < 2) return error(errc::too_few_lines, "an entry needs at least two lines");
  if (draft.lines.size() > max_lines_per_entry)
    return error(errc::bad_request,
                 "an entry holds at most " + std::to_string(max_lines_per_entry) + " lines");
  if (draft.memo.size() > max_memo_bytes) return error(errc::bad_request, "memo is too long");
  if (auto dated = check_entry_date(ctx, group, draft.date); !dated) return dated.error();

  const bool closing = std::any_of(draft.metadata.begin(), draft.metadata.end(),
                                   [](const auto& m) { return m.first == "closing"; });
  checked_entry checked;
  checked.lines_.reserve(draft.lines.size());
  for (std::size_t i = 0; i < draft.lines.size(); ++i) {
    auto line = resolve_line(ctx, group, draft.lines[i], draft.date, closing, i);
    if (!line) return line.error();
    checked.lines_.push_back(std::move(*line));
  }
  if (auto balanced = check_balanced(checked.lines_); !balanced) return balanced.error();

  for (std::size_t i = 0; i < checked.lines_.size(); ++i) {
    const auto& l = checked.lines_[i];
    // Attribution on an ordinary account makes no member balance.
    auto owner = l.account->member_ledger ? l.member : std::nullopt;
    auto key = std::make_pair(l.account->id.value, owner ? owner->value : 0);
    auto it = checked.after_.find(key);
    if (it == checked.after_.end()) it = checked.after_.emplace(key, ctx.balance(l.account->id, owner)).first;
    auto next = move_balance(it->second, l.direction, l.amount);
    if (!next)
      return line_error(errc::invalid_amount, i,
                        "the balance of account " + l.account->code + " would overflow");
    it->second = *next;
    if (!l.account->member_ledger) continue;
    auto total = checked.totals_.find(l.account->id.value);
    if (total == checked.totals_.end())
      total = checked.totals_.emplace(l.account->id.value, ctx.account_total(l.account->id)).first;
    auto next_total = move_balance(total->second, l.direction, l.amount);
    if (!next_total)
      return line_error(errc::invalid_amount, i,
                        "the total of account " + l.account->code + " would overflow");
    total->second = *next_total;
  }
  checked.draft_ = std::move(draft);
  checked.author_ = std::move(author);
  return checked;
}

result<entry> record_entry(write_context& ctx, group_state& group, draft_entry draft, std::string author) {
  auto checked = check_entry(ctx, group, std::move(draft), std::move(author));
  if (!checked) return checked.error();
  return append_entry(ctx, group, *checked);
}

}  // namespace samaki::ledger
