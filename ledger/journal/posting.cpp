#include "ledger/journal/posting.hpp"

#include "ledger/journal/request_fingerprint.hpp"
#include "ledger/store/journal_writer.hpp"
#include "ledger/store/request_keys.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger {
namespace {

using detail_list = std::vector<std::pair<std::string, std::string>>;

error line_error(errc code, std::size_t index, std::string message) {
  return error(code, std::move(message), detail_list{{"line", std::to_string(index)}});
}

digest request_hash(const posting& p) {
  request_fingerprint f("post");
  f.field(p.date.to_string()).field(p.memo).field(static_cast<std::int64_t>(p.lines.size()));
  for (const auto& l : p.lines)
    f.field(l.account)
        .field(l.member ? l.member->value : 0)
        .field(l.side == side::debit ? "D" : "C")
        .field(l.amount)
        .field(l.memo);
  f.field(static_cast<std::int64_t>(p.expect.size()));
  for (const auto& x : p.expect) f.field(x.account).field(x.member ? x.member->value : 0).field(x.balance);
  return f.hash();
}

digest request_hash(const reversal& r) {
  return request_fingerprint("reverse").field(r.original.value).optional(r.date).optional(r.memo).hash();
}

// nullopt: the key is new. Otherwise the earlier entry, or a conflict when the request differs.
std::optional<result<posted>> replay(write_context& ctx, group_id group, const std::string& key,
                                     const digest& hash) {
  if (key.empty()) return std::nullopt;
  auto used = find_used_key(ctx, group, key);
  if (!used) return std::nullopt;
  if (used->request_hash != hash || !used->entry)
    return result<posted>(error(errc::idempotency_conflict,
                                "this Idempotency-Key was used for a different request",
                                detail_list{{"idempotency_key", key}}));
  auto stored = load_entry(ctx.db(), *used->entry);
  if (!stored) return result<posted>(error(errc::internal, "idempotency key points to a missing entry"));
  return result<posted>(posted{std::move(*stored), true});
}

// The posting's lines with amounts read by their accounts' currencies.
result<draft_entry> draft_of(const group_state& group, const posting& p) {
  draft_entry draft{p.date, p.memo, {}, std::nullopt, {}};
  draft.lines.reserve(p.lines.size());
  for (std::size_t i = 0; i < p.lines.size(); ++i) {
    const auto& l = p.lines[i];
    const account_info* account = group.account(l.account);
    if (!account) return line_error(errc::unknown_account, i, "no account " + l.account + " in this group");
    auto amount = money::parse(l.amount, account->currency);
    if (!amount) return line_error(errc::invalid_amount, i, amount.error().message);
    draft.lines.push_back(draft_line{l.account, l.member, l.side, *amount, l.memo});
  }
  return draft;
}

result<void> check_expectations(write_context& ctx, const group_state& group, const posting& p,
                                const checked_entry& checked) {
  for (std::size_t i = 0; i < p.expect.size(); ++i) {
    const auto& x = p.expect[i];
    const account_info* account = group.account(x.account);
    if (!account)
      return error(errc::unknown_account, "expect: no account " + x.account + " in this group",
                   detail_list{{"expect", std::to_string(i)}});
    if (account->member_ledger != x.member.has_value())
      return error(
          account->member_ledger ? errc::member_required : errc::member_not_allowed,
          "expect: account " + x.account + (account->member_ledger ? " needs" : " takes no") + " member_id",
          detail_list{{"expect", std::to_string(i)}});
    auto wanted = money::parse(x.balance, account->currency);
    if (!wanted) return wanted.error();
    auto key = std::make_pair(account->id.value, x.member ? x.member->value : 0);
    auto it = checked.balances_after().find(key);
    std::int64_t raw = it != checked.balances_after().end() ? it->second : ctx.balance(account->id, x.member);
    // Expectations speak in the account's natural sign, like every balance we show.
    money shown(debit_normal(account->type) ? raw : -raw, account->currency);
    if (shown != *wanted) {
      std::string code(account->currency.code());
      return error(errc::balance_assertion_failed,
                   "account " + x.account + " would be " + shown.amount_text() + " " + code + ", expected " +
                       wanted->amount_text() + " " + code,
                   detail_list{{"account", x.account},
                               {"expected", wanted->amount_text()},
                               {"actual", shown.amount_text()},
                               {"currency", code}});
    }
  }
  return {};
}

posted finish(write_context& ctx, group_state& group, const checked_entry& checked, const std::string& key,
              const digest& hash) {
  auto stored = append_entry(ctx, group, checked);
  if (!key.empty()) remember_entry_key(ctx, group.info.id, key, hash, stored.id);
  return posted{std::move(stored), false};
}

}  // namespace

result<void> check_posting_shape(const posting& p) {
  if (p.lines.size() < 2) return error(errc::too_few_lines, "an entry needs at least two lines");
  if (p.lines.size() > max_lines_per_entry)
    return error(errc::bad_request,
                 "an entry holds at most " + std::to_string(max_lines_per_entry) + " lines");
  if (p.memo.size() > max_memo_bytes) return error(errc::bad_request, "memo is too long");
  if (p.idempotency_key.size() > max_idempotency_key_bytes)
    return error(errc::bad_request, "Idempotency-Key is longer than 255 characters");
  for (std::size_t i = 0; i < p.lines.size(); ++i) {
    const auto& l = p.lines[i];
    if (l.account.empty()) return line_error(errc::bad_request, i, "each line needs an account");
    if (l.memo.size() > max_memo_bytes) return line_error(errc::bad_request, i, "line memo is too long");
    if (l.member && l.member->value <= 0)
      return line_error(errc::unknown_member, i, "member_id must be positive");
    // The exponent is not known before the account is; the widest we support (2) catches the rest early.
    static const currency_info widest{"any currency", 2, 1};
    auto amount = parse_amount(l.amount, widest);
    if (!amount) return line_error(errc::invalid_amount, i, amount.error().message);
    if (*amount <= 0) return line_error(errc::invalid_amount, i, "amounts must be positive");
  }
  return {};
}

result<posted> post_entry(write_context& ctx, const posting& p) {
  if (auto shape = check_posting_shape(p); !shape) return shape.error();
  auto hash = request_hash(p);
  group_state* group = ctx.group(p.group);
  if (!group) return error(errc::not_found, "no such group");
  if (auto earlier = replay(ctx, p.group, p.idempotency_key, hash)) return std::move(*earlier);
  auto draft = draft_of(*group, p);
  if (!draft) return draft.error();
  auto checked = check_entry(ctx, *group, std::move(*draft), p.author);
  if (!checked) return checked.error();
  if (auto held = check_expectations(ctx, *group, p, *checked); !held) return held.error();
  return finish(ctx, *group, *checked, p.idempotency_key, hash);
}

draft_entry mirror_of(const entry& original, calendar_date date, std::string memo) {
  draft_entry draft{date, std::move(memo), {}, original.id, {}};
  draft.lines.reserve(original.lines.size());
  for (const auto& l : original.lines)
    draft.lines.push_back(draft_line{l.account, l.member, opposite(l.side), l.amount, l.memo});
  return draft;
}

result<void> check_reversible(const entry& original, calendar_date date) {
  if (original.reversed_by)
    return error(errc::conflict, "entry " + std::to_string(original.seq) + " is already reversed",
                 detail_list{{"reversed_by", std::to_string(original.reversed_by->value)}});
  if (original.reverses)
    return error(
        errc::reversal_of_reversal,
        "entry " + std::to_string(original.seq) + " is itself a reversal; post the original again instead",
        detail_list{{"reverses", std::to_string(original.reverses->value)}});
  if (date < original.date)
    return error(errc::reversal_before_original,
                 "a reversal cannot be dated " + date.to_string() + ", before the entry it reverses (" +
                     original.date.to_string() + ")",
                 detail_list{{"date", date.to_string()}, {"original_date", original.date.to_string()}});
  return {};
}

result<posted> reverse_entry(write_context& ctx, const reversal& r) {
  if (r.idempotency_key.size() > max_idempotency_key_bytes)
    return error(errc::bad_request, "Idempotency-Key is longer than 255 characters");
  if (r.memo && r.memo->size() > max_memo_bytes) return error(errc::bad_request, "memo is too long");
  auto hash = request_hash(r);
  group_state* group = ctx.group(r.group);
  if (!group) return error(errc::not_found, "no such group");
  if (auto earlier = replay(ctx, r.group, r.idempotency_key, hash)) return std::move(*earlier);

  auto original = load_entry(ctx.db(), r.original);
  if (!original || original->group != r.group) return error(errc::not_found, "no such entry");
  if (original->operation)
    return error(errc::part_of_operation,
                 "entry " + std::to_string(original->seq) + " was made by operation " +
                     std::to_string(original->operation->value) + "; reverse the operation",
                 detail_list{{"operation_id", std::to_string(original->operation->value)}});
  auto date = r.date.value_or(ctx.today());
  if (auto reversible = check_reversible(*original, date); !reversible) return reversible.error();
  auto checked = check_entry(
      ctx, *group,
      mirror_of(*original, date, r.memo.value_or("Reversal of entry " + std::to_string(original->seq))),
      r.author);
  if (!checked) return checked.error();
  return finish(ctx, *group, *checked, r.idempotency_key, hash);
}

}  // namespace samaki::ledger
