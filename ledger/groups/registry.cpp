#include "ledger/groups/registry.hpp"

#include "ledger/date.hpp"
#include "ledger/groups/closing.hpp"
#include "ledger/journal/posting_rules.hpp"
#include "ledger/seal.hpp"
#include "ledger/store/group_records.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>

namespace samaki::ledger {
namespace {

constexpr std::size_t max_name_bytes = 200;
constexpr std::size_t max_phone_bytes = 32;

error field_error(std::string_view field, const std::string& message) {
  return error(errc::bad_request, std::string(field) + " " + message, {{"field", std::string(field)}});
}

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7f;
}

bool valid_phone(std::string_view phone) {
  if (phone.size() > max_phone_bytes) return false;
  int digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')')
      return false;
  }
  return phone.empty() || (digits >= 6 && digits <= 15);
}

bool is_alnum_upper(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

// 1-16 characters of 0-9, A-Z, '-' and '.', starting and ending with a letter or digit ("1015", "1010-A").
bool valid_account_code(std::string_view code) {
  if (code.empty() || code.size() > 16 || !is_alnum_upper(code.front()) || !is_alnum_upper(code.back()))
    return false;
  for (char c : code)
    if (!is_alnum_upper(c) && c != '-' && c != '.') return false;
  return true;
}

// Closing a year or a cycle first posts the visible closing entry, when there is anything to close.
result<std::optional<entry_id>> post_closing_entry(write_context& ctx, group_state& group,
                                                   const period_close& p) {
  if (p.kind == period_kind::month) return std::optional<entry_id>();
  auto draft = closing_entry_for(ctx, group, p.through);
  if (!draft) return draft.error();
  if (!*draft) return std::optional<entry_id>();
  auto closing = record_entry(ctx, group, std::move(**draft), p.author);
  if (!closing) return closing.error();
  return std::optional<entry_id>(closing->id);
}

}  // namespace

result<void> check_name(std::string_view name, std::string_view field, bool required) {
  auto first = name.find_first_not_of(' ');
  if (first == std::string_view::npos) {
    if (required) return field_error(field, "is required");
    return {};
  }
  if (name.size() > max_name_bytes) return field_error(field, "is longer than 200 bytes");
  for (char c : name)
    if (is_control(static_cast<unsigned char>(c))) return field_error(field, "holds a control character");
  return {};
}

result<group_info> create_group(write_context& ctx, const new_group& g) {
  if (auto ok = check_name(g.name, "name"); !ok) return ok.error();
  if (auto ok = check_name(g.name_km, "name_km", false); !ok) return ok.error();
  for (auto [field, value] : {std::pair{"province", &g.province}, std::pair{"district", &g.district},
                              std::pair{"commune", &g.commune}, std::pair{"village", &g.village}})
    if (auto ok = check_name(*value, field, false); !ok) return ok.error();
  auto currency = iso_currency::parse(g.currency);
  if (!currency) return currency.error();
  std::int64_t cash_unit = g.cash_unit.value_or(currency->cash_unit());
  if (cash_unit <= 0)
    return error(errc::invalid_amount, "cash_unit must be positive", {{"field", "cash_unit"}});

  auto created_at = ctx.now();
  auto id = insert_group(ctx, g, *currency, cash_unit, created_at);
  for (const auto& a : chart_for(g.kind, currency->code())) insert_account(ctx, id, a);
  ctx.forget_group(id);
  ctx.note_changed(id);
  return group_info{id,         g.name,     g.name_km, g.kind,    *currency, cash_unit,
                    g.province, g.district, g.commune, g.village, created_at};
}

result<member_info> add_member(write_context& ctx, const new_member& asked) {
  for (auto [field, value] :
       {std::pair{"family_name", &asked.parts.family}, std::pair{"given_name", &asked.parts.given},
        std::pair{"family_name_km", &asked.parts.family_km},
        std::pair{"given_name_km", &asked.parts.given_km}})
    if (auto ok = check_name(*value, field, false); !ok) return ok.error();
  // Whole names left out are made from the parts, family name first; a member given Khmer parts only is
  // named in Khmer in both. A whole name_km alone still needs a name, as before the parts were kept.
  auto m = asked;
  if (m.name_km.empty()) m.name_km = khmer_whole_name(m.parts);
  if (m.name.empty()) m.name = latin_whole_name(m.parts);
  if (m.name.empty()) m.name = khmer_whole_name(m.parts);
  if (auto ok = check_name(m.name, "name"); !ok) return ok.error();
  if (auto ok = check_name(m.name_km, "name_km", false); !ok) return ok.error();
  if (!valid_phone(m.phone))
    return field_error("phone", "must be 6 to 15 digits, with spaces, '+', '-' or brackets if you like");
  if (m.gender.size() > 16) return field_error("gender", "is too long");
  if (!ctx.group(m.group)) return error(errc::not_found, "no such group");
  auto created_at = ctx.now();
  auto id = insert_member(ctx, m, created_at);
  ctx.remember_member(id, member_state{m.group, std::nullopt});
  ctx.note_changed(m.group);
  return member_info{id,       m.group,     m.name,       m.name_km,  m.phone,
                     m.gender, m.joined_on, std::nullopt, created_at, m.parts};
}

result<account_info> add_account(write_context& ctx, const new_account& a) {
  if (!valid_account_code(a.code))
    return field_error("code",
                       "must be 1-16 characters of 0-9, A-Z, '-' or '.', starting and ending with a "
                       "letter or digit");
  if (auto ok = check_name(a.name, "name"); !ok) return ok.error();
  if (auto ok = check_name(a.name_km, "name_km", false); !ok) return ok.error();
  group_state* group = ctx.group(a.group);
  if (!group) return error(errc::not_found, "no such group");
  if (group->account(a.code)) return error(errc::conflict, "account " + a.code + " already exists");
  auto currency = iso_currency::parse(a.currency.value_or(std::string(group->info.currency.code())));
  if (!currency) return currency.error();
  account_definition def{a.code, a.type, a.name, a.name_km, a.member_ledger, std::string(currency->code())};
  auto id = insert_account(ctx, a.group, def);
  account_info info{id, a.group, a.code, a.type, a.name, a.name_km, *currency, a.member_ledger, std::nullopt};
  group->accounts.emplace(a.code, info);
  ctx.note_changed(a.group);
  return info;
}

result<account_info> close_account(write_context& ctx, const account_closing& c) {
  group_state* group = ctx.group(c.group);
  if (!group) return error(errc::not_found, "no such group");
  auto it = group->accounts.find(c.code);
  if (it == group->accounts.end()) return error(errc::not_found, "no account " + c.code + " in this group");
  auto& account = it->second;
  if (account.closed_on)
    return error(errc::conflict, "account " + c.code + " was closed on " + account.closed_on->to_string());
  auto closed_on = c.closed_on.value_or(ctx.today());
  if (closed_on > ctx.today())
    return error(errc::date_in_future, "an account cannot be closed on a day after today",
                 {{"closed_on", closed_on.to_string()}});
  auto balance = account.member_ledger ? ctx.account_total(account.id) : ctx.balance(account.id);
  if (balance != 0)
    return error(errc::account_not_empty,
                 "account " + c.code + " still holds " +
                     money(balance < 0 ? -balance : balance, account.currency).amount_text() + " " +
                     std::string(account.currency.code()) + "; move it out first",
                 {{"account", c.code}});
  set_account_closed(ctx, account.id, closed_on);
  account.closed_on = closed_on;
  ctx.note_changed(c.group);
  return account;
}

result<period_info> close_period(write_context& ctx, const period_close& p) {
  group_state* group = ctx.group(p.group);
  if (!group) return error(errc::not_found, "no such group");
  if (group->closed_through && p.through <= *group->closed_through)
    return error(errc::period_closed,
                 "the period through " + group->closed_through->to_string() + " is already closed",
                 {{"closed_through", group->closed_through->to_string()}});
  if (p.through > ctx.today())
    return error(errc::date_in_future,
                 "a period cannot be closed through " + p.through.to_string() + ", after today (" +
                     ctx.today().to_string() + ")",
                 {{"through", p.through.to_string()}, {"today", ctx.today().to_string()}});
  auto closing = post_closing_entry(ctx, *group, p);
  if (!closing) return closing.error();
  period_info info;
  info.group = p.group;
  info.through = p.through;
  info.kind = p.kind;
  info.closed_at = ctx.now();
  info.closed_by = p.author;
  info.head_seq = group->last_seq;
  info.head = to_hex(group->head);
  info.seal_code = seal_code(group->head);
  info.closing_entry = *closing;
  info.id = insert_period(ctx, info);
  group->closed_through = p.through;
  ctx.note_changed(p.group);
  return info;
}

result<period_info> reopen_period(write_context& ctx, const period_reopening& r) {
  group_state* group = ctx.group(r.group);
  if (!group) return error(errc::not_found, "no such group");
  auto reason_ok = check_name(r.reason, "reason");
  if (!reason_ok) return reason_ok.error();
  auto period = find_period(ctx, r.group, r.period);
  if (!period) return error(errc::not_found, "no such period");
  if (period->reopened_at) return error(errc::conflict, "this period was already reopened");
  if (!group->closed_through || period->through != *group->closed_through)
    return error(errc::conflict, "only the latest closed period can be reopened",
                 {{"latest", group->closed_through ? group->closed_through->to_string() : ""}});
  period->reopened_at = now_rfc3339();
  period->reopened_by = r.author;
  period->reopen_reason = r.reason;
  mark_period_reopened(ctx, period->id, *period->reopened_at, r.author, r.reason);
  group->closed_through = closed_through(ctx, r.group);
  ctx.note_changed(r.group);
  return *period;
}

}  // namespace samaki::ledger
