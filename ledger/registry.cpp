#include "ledger/registry.hpp"

#include "ledger/date.hpp"
#include "ledger/money.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger {
namespace {

constexpr std::size_t max_name_bytes = 200;

result<void> check_name(const std::string& name, const char* field) {
  if (name.empty()) return error(errc::bad_request, std::string(field) + " is required");
  if (name.size() > max_name_bytes) return error(errc::bad_request, std::string(field) + " is too long");
  return {};
}

void insert_account(sqlite::connection& db, group_id group, const account_definition& a) {
  auto s = db.prepare(
      "INSERT INTO accounts (group_id, code, type, name, name_km, currency, member_ledger) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  s->bind(1, group.value).bind(2, a.code).bind(3, type_name(a.type)).bind(4, a.name).bind(5, a.name_km);
  s->bind(6, a.currency).bind(7, a.member_ledger ? 1 : 0);
  s->run();
}

bool valid_account_code(const std::string& code) {
  if (code.empty() || code.size() > 16) return false;
  for (char c : code)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.')) return false;
  return true;
}

}  // namespace

result<group_info> create_group(write_context& ctx, const new_group& g) {
  if (auto ok = check_name(g.name, "name"); !ok) return ok.error();
  auto currency = find_currency(g.currency);
  if (!currency) return error(errc::bad_request, "unsupported currency '" + g.currency + "'");
  std::int64_t cash_unit = g.cash_unit.value_or(currency->cash_unit);
  if (cash_unit <= 0) return error(errc::invalid_amount, "cash_unit must be positive");

  auto& db = ctx.db();
  auto created_at = now_rfc3339();
  {
    auto s = db.prepare(
        "INSERT INTO groups (name, name_km, kind, currency, cash_unit, province, district, commune, village, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s->bind(1, g.name).bind(2, g.name_km).bind(3, kind_name(g.kind)).bind(4, g.currency).bind(5, cash_unit);
    s->bind(6, g.province).bind(7, g.district).bind(8, g.commune).bind(9, g.village).bind(10, created_at);
    s->run();
  }
  group_id id{db.last_insert_rowid()};
  for (const auto& a : chart_for(g.kind, g.currency)) insert_account(db, id, a);
  ctx.forget_group(id);
  ctx.note_changed(id);
  return group_info{id,         g.name,     g.name_km, g.kind,    g.currency, cash_unit,
                    g.province, g.district, g.commune, g.village, created_at};
}

result<member_info> add_member(write_context& ctx, const new_member& m) {
  if (auto ok = check_name(m.name, "name"); !ok) return ok.error();
  if (m.joined_on && !is_valid_date(*m.joined_on))
    return error(errc::invalid_date, "joined_on must be a real date as YYYY-MM-DD");
  if (!ctx.group(m.group)) return error(errc::not_found, "no such group");
  auto& db = ctx.db();
  auto created_at = now_rfc3339();
  auto s = db.prepare(
      "INSERT INTO members (group_id, name, name_km, phone, gender, joined_on, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  s->bind(1, m.group.value).bind(2, m.name).bind(3, m.name_km).bind(4, m.phone).bind(5, m.gender);
  if (m.joined_on)
    s->bind(6, *m.joined_on);
  else
    s->bind_null(6);
  s->bind(7, created_at);
  s->run();
  member_id id{db.last_insert_rowid()};
  ctx.remember_member(id, m.group);
  ctx.note_changed(m.group);
  return member_info{id, m.group, m.name, m.name_km, m.phone, m.gender, m.joined_on, created_at};
}

result<account_info> add_account(write_context& ctx, const new_account& a) {
  if (!valid_account_code(a.code))
    return error(errc::bad_request, "account code must be 1-16 characters of 0-9, A-Z, '-' or '.'");
  if (auto ok = check_name(a.name, "name"); !ok) return ok.error();
  group_state* group = ctx.group(a.group);
  if (!group) return error(errc::not_found, "no such group");
  if (group->accounts.contains(a.code)) return error(errc::conflict, "account " + a.code + " already exists");
  std::string currency = a.currency.value_or(group->info.currency);
  if (!find_currency(currency)) return error(errc::bad_request, "unsupported currency '" + currency + "'");
  account_definition def{a.code, a.type, a.name, a.name_km, a.member_ledger, currency};
  insert_account(ctx.db(), a.group, def);
  account_info info{account_id{ctx.db().last_insert_rowid()},
                    a.group,
                    a.code,
                    a.type,
                    a.name,
                    a.name_km,
                    currency,
                    a.member_ledger};
  group->accounts.emplace(a.code, info);
  ctx.note_changed(a.group);
  return info;
}

result<period_info> close_period(write_context& ctx, const period_close& p) {
  if (!is_valid_date(p.through))
    return error(errc::invalid_date, "through must be a real date as YYYY-MM-DD");
  group_state* group = ctx.group(p.group);
  if (!group) return error(errc::not_found, "no such group");
  if (!group->closed_through.empty() && p.through <= group->closed_through)
    return error(errc::period_closed, "the period through " + group->closed_through + " is already closed");
  period_info info{p.group,
                   p.through,
                   p.kind,
                   now_rfc3339(),
                   p.author,
                   group->last_seq,
                   to_hex(group->head),
                   seal_code(group->head)};
  auto s = ctx.db().prepare(
      "INSERT INTO periods (group_id, through, kind, closed_at, closed_by, head_seq, head) VALUES (?, ?, ?, "
      "?, ?, ?, ?)");
  s->bind(1, p.group.value).bind(2, p.through).bind(3, period_kind_name(p.kind)).bind(4, info.closed_at);
  s->bind(5, p.author).bind(6, info.head_seq).bind_blob(7, group->head);
  s->run();
  group->closed_through = p.through;
  ctx.note_changed(p.group);
  return info;
}

}  // namespace samaki::ledger
