#include "ledger/posting.hpp"

#include "ledger/date.hpp"
#include "ledger/hash_chain.hpp"
#include "ledger/money.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/write_context.hpp"

#include <limits>
#include <map>

namespace samaki::ledger {
namespace {

using detail_list = std::vector<std::pair<std::string, std::string>>;

error line_error(errc code, std::size_t index, std::string message) {
  return error(code, std::move(message), detail_list{{"line", std::to_string(index)}});
}

// A line after resolution against the chart: the account and its currency are known, the amount is
// in minor units.
struct resolved_line {
  const account_info* account;
  std::int64_t member;  // 0: none
  side direction;
  std::int64_t amount;
  std::string memo;
};

const currency_info& currency_of(const std::string& code) {
  static const currency_info fallback{"", 2, 1};
  static thread_local std::map<std::string, currency_info, std::less<>> cache;
  if (auto it = cache.find(code); it != cache.end()) return it->second;
  auto found = find_currency(code);
  if (!found) return fallback;
  return cache.emplace(code, *found).first->second;
}

// The member rules of charts.md: member-ledger accounts need a member of this group, others take none.
result<std::int64_t> check_member(write_context& ctx, const group_state& group, const account_info& account,
                                  const std::optional<member_id>& member, std::size_t index) {
  if (account.member_ledger) {
    if (!member)
      return line_error(errc::member_required, index, "account " + account.code + " needs a member_id");
    auto owner = ctx.member_group(*member);
    if (!owner || *owner != group.info.id)
      return line_error(errc::unknown_member, index,
                        "member " + std::to_string(member->value) + " is not a member of this group");
    return member->value;
  }
  if (member)
    return line_error(errc::member_not_allowed, index,
                      "account " + account.code + " does not take a member_id");
  return std::int64_t{0};
}

// Fields of a request, each length-prefixed, so no value can imitate another field or a missing one.
class request_fingerprint {
 public:
  explicit request_fingerprint(std::string_view kind) { field(kind); }
  request_fingerprint& field(std::string_view value) {
    text_ += std::to_string(value.size());
    text_ += ':';
    text_ += value;
    return *this;
  }
  request_fingerprint& field(std::int64_t value) { return field(std::to_string(value)); }
  request_fingerprint& optional(const std::optional<std::string>& value) {
    return value ? field("some").field(*value) : field("none");
  }
  digest hash() const { return sha256(text_); }

 private:
  std::string text_;
};

// The same request under the same key must hash the same; anything that changes the posting changes it.
digest request_hash(const posting& p) {
  request_fingerprint f("post");
  f.field(p.date).field(p.memo).field(static_cast<std::int64_t>(p.lines.size()));
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
  auto s =
      ctx.db().prepare("SELECT request_hash, entry_id FROM idempotency_keys WHERE group_id = ? AND key = ?");
  s->bind(1, group.value).bind(2, key);
  if (!s->step()) return std::nullopt;
  if (s->column_blob(0) != digest_bytes(hash))
    return result<posted>(error(errc::idempotency_conflict,
                                "this Idempotency-Key was used for a different request",
                                detail_list{{"idempotency_key", key}}));
  auto stored = load_entry(ctx.db(), entry_id{s->column_int(1)});
  if (!stored) return result<posted>(error(errc::internal, "idempotency key points to a missing entry"));
  return result<posted>(posted{std::move(*stored), true});
}

// Balances after the entry, by (account, member), computed without touching storage.
using balance_changes = std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t>;

// A balance must fit in int64 in both signs: shown in natural sign it is negated, and INT64_MIN has no
// negation.
std::optional<std::int64_t> move_balance(std::int64_t balance, side direction, std::int64_t amount) {
  auto next = direction == side::debit ? checked_add(balance, amount) : checked_sub(balance, amount);
  if (!next || *next == std::numeric_limits<std::int64_t>::min()) return std::nullopt;
  return next;
}

result<balance_changes> new_balances(write_context& ctx, const std::vector<resolved_line>& lines,
                                     std::map<std::int64_t, std::int64_t>& account_totals) {
  balance_changes after;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    auto key = std::make_pair(l.account->id.value, l.member);
    auto it = after.find(key);
    if (it == after.end()) it = after.emplace(key, ctx.balance(l.account->id, l.member)).first;
    auto next = move_balance(it->second, l.direction, l.amount);
    if (!next)
      return line_error(errc::invalid_amount, i,
                        "the balance of account " + l.account->code + " would overflow");
    it->second = *next;
    if (!l.account->member_ledger) continue;
    auto total = account_totals.find(l.account->id.value);
    if (total == account_totals.end())
      total = account_totals.emplace(l.account->id.value, ctx.account_total(l.account->id)).first;
    auto next_total = move_balance(total->second, l.direction, l.amount);
    if (!next_total)
      return line_error(errc::invalid_amount, i,
                        "the total of account " + l.account->code + " would overflow");
    total->second = *next_total;
  }
  return after;
}

result<void> check_expectations(write_context& ctx, group_state& group, const posting& p,
                                const balance_changes& after) {
  for (std::size_t i = 0; i < p.expect.size(); ++i) {
    const auto& x = p.expect[i];
    auto account = group.accounts.find(x.account);
    if (account == group.accounts.end())
      return error(errc::unknown_account, "expect: no account " + x.account + " in this group",
                   detail_list{{"expect", std::to_string(i)}});
    auto member = check_member(ctx, group, account->second, x.member, i);
    if (!member) return member.error();
    auto wanted = parse_amount(x.balance, currency_of(account->second.currency));
    if (!wanted) return wanted.error();
    auto it = after.find({account->second.id.value, *member});
    std::int64_t raw = it != after.end() ? it->second : ctx.balance(account->second.id, *member);
    // Expectations speak in the account's natural sign, like every balance we show.
    std::int64_t shown = debit_normal(account->second.type) ? raw : -raw;
    if (shown != *wanted) {
      const auto& cur = currency_of(account->second.currency);
      return error(errc::balance_assertion_failed,
                   "account " + x.account + " would be " + format_amount(shown, cur) + " " +
                       account->second.currency + ", expected " + format_amount(*wanted, cur),
                   detail_list{{"account", x.account},
                               {"expected", format_amount(*wanted, cur)},
                               {"actual", format_amount(shown, cur)}});
    }
  }
  return {};
}

// Debits equal credits in every currency, or the error names the first currency that differs.
result<void> check_balanced(const std::vector<resolved_line>& lines) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> totals;
  for (const auto& l : lines) {
    auto& [debits, credits] = totals[l.account->currency];
    auto& total = l.direction == side::debit ? debits : credits;
    auto sum = checked_add(total, l.amount);
    if (!sum)
      return error(errc::invalid_amount, "the entry's total in " + l.account->currency + " overflows");
    total = *sum;
  }
  for (const auto& [currency, sums] : totals) {
    if (sums.first != sums.second) {
      const auto& cur = currency_of(currency);
      return error(errc::unbalanced_entry,
                   "debits " + format_amount(sums.first, cur) + " " + currency + " != credits " +
                       format_amount(sums.second, cur) + " " + currency,
                   detail_list{{"currency", currency},
                               {"debits", format_amount(sums.first, cur)},
                               {"credits", format_amount(sums.second, cur)}});
    }
  }
  return {};
}

result<void> check_open_date(const group_state& group, const std::string& date) {
  if (!is_valid_date(date)) return error(errc::invalid_date, "date must be a real date as YYYY-MM-DD");
  if (!group.closed_through.empty() && date <= group.closed_through)
    return error(errc::period_closed, "the period through " + group.closed_through + " is closed",
                 detail_list{{"closed_through", group.closed_through}});
  return {};
}

// Writes the entry, its lines, balances and idempotency key, then moves the cached chain head.
posted append_entry(write_context& ctx, group_state& group, entry e, const std::vector<resolved_line>& lines,
                    const balance_changes& after, const std::map<std::int64_t, std::int64_t>& account_totals,
                    const std::string& key, const digest& hash_of_request) {
  auto& db = ctx.db();
  e.group = group.info.id;
  e.seq = group.last_seq + 1;
  e.created_at = now_rfc3339();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    e.lines.push_back(entry_line{static_cast<int>(i + 1), l.account->code,
                                 l.member ? std::optional(member_id{l.member}) : std::nullopt,
                                 l.account->currency, l.direction, l.amount, l.memo});
  }
  auto hash = entry_hash(group.head, e);
  {
    auto s = db.prepare(
        "INSERT INTO entries (group_id, seq, date, memo, reverses, created_by, created_at, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s->bind(1, e.group.value).bind(2, e.seq).bind(3, e.date).bind(4, e.memo);
    s->bind(5, e.reverses ? std::optional(e.reverses->value) : std::nullopt);
    s->bind(6, e.created_by).bind(7, e.created_at).bind_blob(8, group.head).bind_blob(9, hash);
    s->run();
  }
  e.id = entry_id{db.last_insert_rowid()};
  {
    auto s = db.prepare(
        "INSERT INTO lines (entry_id, line_no, account_id, member_id, debit, credit, memo) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& l = lines[i];
      s->bind(1, e.id.value).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, l.account->id.value);
      s->bind(4, l.member ? std::optional(l.member) : std::nullopt);
      s->bind(5, l.direction == side::debit ? l.amount : 0)
          .bind(6, l.direction == side::credit ? l.amount : 0);
      s->bind(7, l.memo);
      s->run();
      s->reset();
    }
  }
  {
    auto s = db.prepare(
        "INSERT INTO balances (account_id, member_id, balance) VALUES (?, ?, ?) "
        "ON CONFLICT (account_id, member_id) DO UPDATE SET balance = excluded.balance");
    for (const auto& [key_pair, value] : after) {
      s->bind(1, key_pair.first).bind(2, key_pair.second).bind(3, value);
      s->run();
      s->reset();
    }
  }
  {
    auto s = db.prepare(
        "INSERT INTO chain_heads (group_id, seq, hash) VALUES (?, ?, ?) "
        "ON CONFLICT (group_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
    s->bind(1, e.group.value).bind(2, e.seq).bind_blob(3, hash);
    s->run();
  }
  if (!key.empty()) {
    auto s = db.prepare(
        "INSERT INTO idempotency_keys (group_id, key, request_hash, entry_id) VALUES (?, ?, ?, ?)");
    s->bind(1, e.group.value).bind(2, key).bind_blob(3, hash_of_request).bind(4, e.id.value);
    s->run();
  }
  // Only now, with every row written, do the caches move.
  for (const auto& [key_pair, value] : after)
    ctx.set_balance(account_id{key_pair.first}, key_pair.second, value);
  for (const auto& [account, total] : account_totals) ctx.set_account_total(account_id{account}, total);
  e.prev_hash = to_hex(group.head);
  e.hash = to_hex(hash);
  group.last_seq = e.seq;
  group.head = hash;
  ctx.note_changed(group.info.id);
  return posted{std::move(e), false};
}

}  // namespace

result<void> check_posting_shape(const posting& p) {
  if (!is_valid_date(p.date)) return error(errc::invalid_date, "date must be a real date as YYYY-MM-DD");
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
    static const currency_info widest{"", 2, 1};
    auto amount = parse_amount(l.amount, widest);
    if (!amount) return line_error(errc::invalid_amount, i, amount.error().message);
    if (*amount <= 0) return line_error(errc::invalid_amount, i, "amounts must be positive");
  }
  return {};
}

result<posted> post_entry(write_context& ctx, const posting& p) {
  if (auto shape = check_posting_shape(p); !shape) return shape.error();
  auto hash_of_request = request_hash(p);
  group_state* group = ctx.group(p.group);
  if (!group) return error(errc::not_found, "no such group");
  if (auto earlier = replay(ctx, p.group, p.idempotency_key, hash_of_request)) return std::move(*earlier);
  if (auto open = check_open_date(*group, p.date); !open) return open.error();

  std::vector<resolved_line> lines;
  lines.reserve(p.lines.size());
  for (std::size_t i = 0; i < p.lines.size(); ++i) {
    const auto& l = p.lines[i];
    auto account = group->accounts.find(l.account);
    if (account == group->accounts.end())
      return line_error(errc::unknown_account, i, "no account " + l.account + " in this group");
    auto member = check_member(ctx, *group, account->second, l.member, i);
    if (!member) return member.error();
    auto amount = parse_amount(l.amount, currency_of(account->second.currency));
    if (!amount) return line_error(errc::invalid_amount, i, amount.error().message);
    if (*amount <= 0) return line_error(errc::invalid_amount, i, "amounts must be positive");
    lines.push_back(resolved_line{&account->second, *member, l.side, *amount, l.memo});
  }
  if (auto balanced = check_balanced(lines); !balanced) return balanced.error();
  std::map<std::int64_t, std::int64_t> account_totals;
  auto after = new_balances(ctx, lines, account_totals);
  if (!after) return after.error();
  if (auto held = check_expectations(ctx, *group, p, *after); !held) return held.error();

  entry e;
  e.date = p.date;
  e.memo = p.memo;
  e.created_by = p.author;
  return append_entry(ctx, *group, std::move(e), lines, *after, account_totals, p.idempotency_key,
                      hash_of_request);
}

result<posted> reverse_entry(write_context& ctx, const reversal& r) {
  if (r.idempotency_key.size() > max_idempotency_key_bytes)
    return error(errc::bad_request, "Idempotency-Key is longer than 255 characters");
  if (r.memo && r.memo->size() > max_memo_bytes) return error(errc::bad_request, "memo is too long");
  if (r.date && !is_valid_date(*r.date))
    return error(errc::invalid_date, "date must be a real date as YYYY-MM-DD");
  auto hash_of_request = request_hash(r);
  group_state* group = ctx.group(r.group);
  if (!group) return error(errc::not_found, "no such group");
  if (auto earlier = replay(ctx, r.group, r.idempotency_key, hash_of_request)) return std::move(*earlier);

  auto original = load_entry(ctx.db(), r.original);
  if (!original || original->group != r.group) return error(errc::not_found, "no such entry");
  if (original->reversed_by)
    return error(errc::conflict, "entry " + std::to_string(original->seq) + " is already reversed",
                 detail_list{{"reversed_by", std::to_string(original->reversed_by->value)}});
  std::string date = r.date.value_or(today(ctx.timezone_offset_minutes()));
  if (auto open = check_open_date(*group, date); !open) return open.error();

  std::vector<resolved_line> lines;
  for (const auto& l : original->lines) {
    auto account = group->accounts.find(l.account);
    if (account == group->accounts.end()) return error(errc::internal, "entry refers to a missing account");
    lines.push_back(resolved_line{&account->second, l.member ? l.member->value : 0,
                                  l.side == side::debit ? side::credit : side::debit, l.amount, l.memo});
  }
  std::map<std::int64_t, std::int64_t> account_totals;
  auto after = new_balances(ctx, lines, account_totals);
  if (!after) return after.error();

  entry e;
  e.date = date;
  e.memo = r.memo.value_or("Reversal of entry " + std::to_string(original->seq));
  e.reverses = original->id;
  e.created_by = r.author;
  return append_entry(ctx, *group, std::move(e), lines, *after, account_totals, r.idempotency_key,
                      hash_of_request);
}

}  // namespace samaki::ledger
