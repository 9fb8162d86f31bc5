#include "ledger/store/group_records.hpp"

#include "ledger/int128.hpp"
#include "ledger/store/report_reads.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/write_context.hpp"

#include <stdexcept>

namespace samaki::ledger {

group_id insert_group(write_context& ctx, const new_group& g, iso_currency currency, std::int64_t cash_unit,
                      const std::string& created_at) {
  auto s = ctx.db().prepare(
      "INSERT INTO groups (name, name_km, kind, currency, cash_unit, province, district, commune, village, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s->bind(1, g.name)
      .bind(2, g.name_km)
      .bind(3, kind_name(g.kind))
      .bind(4, currency.code())
      .bind(5, cash_unit);
  s->bind(6, g.province).bind(7, g.district).bind(8, g.commune).bind(9, g.village).bind(10, created_at);
  s->run();
  return group_id{ctx.db().last_insert_rowid()};
}

account_id insert_account(write_context& ctx, group_id group, const account_definition& a) {
  auto s = ctx.db().prepare(
      "INSERT INTO accounts (group_id, code, type, name, name_km, currency, member_ledger) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  s->bind(1, group.value).bind(2, a.code).bind(3, type_name(a.type)).bind(4, a.name).bind(5, a.name_km);
  s->bind(6, a.currency).bind(7, a.member_ledger ? 1 : 0);
  s->run();
  return account_id{ctx.db().last_insert_rowid()};
}

member_id insert_member(write_context& ctx, const new_member& m, const std::string& created_at) {
  auto s = ctx.db().prepare(
      "INSERT INTO members (group_id, name, name_km, phone, gender, joined_on, created_at, family_name, "
      "given_name, family_name_km, given_name_km) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s->bind(1, m.group.value).bind(2, m.name).bind(3, m.name_km).bind(4, m.phone).bind(5, m.gender);
  bind_optional_date(*s, 6, m.joined_on);
  s->bind(7, created_at).bind(8, m.parts.family).bind(9, m.parts.given).bind(10, m.parts.family_km);
  s->bind(11, m.parts.given_km);
  s->run();
  return member_id{ctx.db().last_insert_rowid()};
}

void set_member_left(write_context& ctx, member_id member, std::optional<calendar_date> left_on,
                     std::optional<operation_id> by) {
  auto s = ctx.db().prepare("UPDATE members SET left_on = ?, left_by = ? WHERE id = ?");
  bind_optional_date(*s, 1, left_on);
  s->bind(2, by ? std::optional(by->value) : std::nullopt).bind(3, member.value);
  s->run();
}

std::optional<member_id> member_left_by(write_context& ctx, operation_id by) {
  auto s = ctx.db().prepare("SELECT id FROM members WHERE left_by = ?");
  s->bind(1, by.value);
  if (!s->step()) return std::nullopt;
  return member_id{s->column_int(0)};
}

void set_account_closed(write_context& ctx, account_id account, std::optional<calendar_date> closed_on) {
  auto s = ctx.db().prepare("UPDATE accounts SET closed_on = ? WHERE id = ?");
  bind_optional_date(*s, 1, closed_on);
  s->bind(2, account.value);
  s->run();
}

bool any_group(write_context& ctx) {
  auto s = ctx.db().prepare("SELECT EXISTS (SELECT 1 FROM groups)");
  s->step();
  return s->column_int(0) != 0;
}

period_id insert_period(write_context& ctx, const period_info& p) {
  digest head{};
  if (!from_hex(p.head, head)) throw std::logic_error("a period's head is not hex");
  auto s = ctx.db().prepare(
      "INSERT INTO periods (group_id, through, kind, closed_at, closed_by, head_seq, head, closing_entry) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  s->bind(1, p.group.value)
      .bind(2, p.through.to_string())
      .bind(3, period_kind_name(p.kind))
      .bind(4, p.closed_at);
  s->bind(5, p.closed_by).bind(6, p.head_seq).bind_blob(7, head);
  s->bind(8, p.closing_entry ? std::optional(p.closing_entry->value) : std::nullopt);
  s->run();
  const period_id id{ctx.db().last_insert_rowid()};
  keep_period_balances(ctx, id, p.group, p.through);
  return id;
}

void keep_period_balances(write_context& ctx, period_id period, group_id group, calendar_date through) {
  // Written last in the close, so every entry of the operation that closes it is counted.
  const auto nets = nets_through(ctx.db(), group, through);
  for (const auto& [key, net] : nets)
    if (net > INT64_MAX || net < INT64_MIN) return;  // not kept: reports compute such a day's balances
  auto s = ctx.db().prepare(
      "INSERT INTO period_balances (period_id, account_id, member_id, balance) VALUES (?, ?, ?, ?)");
  for (const auto& [key, net] : nets) {
    if (net == 0) continue;
    s->reset();
    s->bind(1, period.value).bind(2, key.first).bind(3, key.second).bind(4, static_cast<std::int64_t>(net));
    s->run();
  }
  auto kept = ctx.db().prepare("UPDATE periods SET balances_kept = 1 WHERE id = ?");
  kept->bind(1, period.value);
  kept->run();
}

std::optional<period_info> find_period(write_context& ctx, group_id group, period_id id) {
  for (auto& p : load_periods(ctx.db(), group))
    if (p.id == id) return std::move(p);
  return std::nullopt;
}

void mark_period_reopened(write_context& ctx, period_id id, const std::string& at, const std::string& by,
                          const std::string& reason) {
  auto s =
      ctx.db().prepare("UPDATE periods SET reopened_at = ?, reopened_by = ?, reopen_reason = ? WHERE id = ?");
  s->bind(1, at).bind(2, by).bind(3, reason).bind(4, id.value);
  s->run();
}

std::optional<calendar_date> closed_through(write_context& ctx, group_id group) {
  auto s = ctx.db().prepare("SELECT max(through) FROM periods WHERE group_id = ? AND reopened_at IS NULL");
  s->bind(1, group.value);
  s->step();
  return stored_optional_date(*s, 0);
}

std::map<std::int64_t, std::int64_t> account_nets_through(write_context& ctx, group_id group,
                                                          calendar_date through) {
  // Today's running balances less what was dated after the day: costs what came after it, not all history.
  std::map<std::int64_t, int128> sums;
  {
    auto s = ctx.db().prepare(
        "SELECT b.account_id, b.balance FROM balances b JOIN accounts a ON a.id = b.account_id WHERE "
        "a.group_id = ?");
    s->bind(1, group.value);
    while (s->step()) sums[s->column_int(0)] += s->column_int(1);
  }
  auto s = ctx.db().prepare(
      "SELECT l.account_id, l.debit - l.credit FROM entries e JOIN lines l ON l.entry_id = e.id "
      "WHERE e.group_id = ? AND e.date > ?");
  s->bind(1, group.value).bind(2, through.to_string());
  while (s->step()) sums[s->column_int(0)] -= s->column_int(1);
  std::map<std::int64_t, std::int64_t> out;
  for (const auto& [account, sum] : sums) {
    if (sum > INT64_MAX || sum < INT64_MIN)
      throw error_exception(
          error(errc::invalid_amount, "a balance as of that day is beyond the range of amounts"));
    out[account] = static_cast<std::int64_t>(sum);
  }
  return out;
}

}  // namespace samaki::ledger
