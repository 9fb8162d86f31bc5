#include "ledger/store/trade_records.hpp"

#include "ledger/store/rows.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger {

void insert_trade(write_context& ctx, group_id group, const trade_record& t) {
  auto s = ctx.db().prepare(
      "INSERT INTO trades (operation_id, group_id, date, type, member_id, party, item, quantity_e3, unit, "
      "amount, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s->bind(1, t.operation.value).bind(2, group.value).bind(3, t.date.to_string()).bind(4, t.type);
  s->bind(5, t.member ? std::optional(t.member->value) : std::nullopt).bind(6, t.party).bind(7, t.item);
  s->bind(8, t.amount_of.e3).bind(9, t.unit).bind(10, t.amount.minor()).bind(11, t.amount.currency_code());
  s->run();
}

namespace {

// The trades a statement selects (their columns in trade_record's order), not those of reversed operations.
constexpr std::string_view trade_columns =
    "SELECT t.operation_id, t.date, t.type, t.member_id, t.party, t.item, t.quantity_e3, t.unit, t.amount, "
    "t.currency FROM trades t WHERE NOT EXISTS (SELECT 1 FROM operations r WHERE r.reverses = "
    "t.operation_id) ";

std::vector<trade_record> read_trades(sqlite::statement& s) {
  std::vector<trade_record> out;
  while (s.step()) {
    trade_record t;
    t.operation = operation_id{s.column_int(0)};
    t.date = stored_date(s, 1);
    t.type = s.column_text(2);
    if (auto m = s.column_optional_int(3)) t.member = member_id{*m};
    t.party = s.column_text(4);
    t.item = s.column_text(5);
    t.amount_of = quantity{s.column_int(6)};
    t.unit = s.column_text(7);
    t.amount = money(s.column_int(8), iso_currency::of_stored(s.column_text(9)));
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

std::vector<trade_record> load_trades(sqlite::connection& db, group_id group, calendar_date from,
                                      calendar_date to) {
  auto s = db.prepare(std::string(trade_columns) +
                      "AND t.group_id = ? AND t.date >= ? AND t.date <= ? ORDER BY t.date, t.operation_id");
  s->bind(1, group.value).bind(2, from.to_string()).bind(3, to.to_string());
  return read_trades(*s);
}

std::vector<trade_record> load_member_trades(sqlite::connection& db, group_id group, member_id member,
                                             calendar_date from, calendar_date to) {
  auto s = db.prepare(std::string(trade_columns) +
                      "AND t.group_id = ? AND t.member_id = ? AND t.date >= ? AND t.date <= ? "
                      "ORDER BY t.date, t.operation_id");
  s->bind(1, group.value).bind(2, member.value).bind(3, from.to_string()).bind(4, to.to_string());
  return read_trades(*s);
}

void insert_work_days(write_context& ctx, operation_id operation, member_id member, std::int64_t days) {
  auto s = ctx.db().prepare("INSERT INTO work_days (operation_id, member_id, days) VALUES (?, ?, ?)");
  s->bind(1, operation.value).bind(2, member.value).bind(3, days);
  s->run();
}

std::map<std::int64_t, std::int64_t> work_days_between(sqlite::connection& db, group_id group,
                                                       calendar_date from, calendar_date to) {
  auto s = db.prepare(
      "SELECT w.member_id, sum(w.days) FROM work_days w JOIN operations o ON o.id = w.operation_id WHERE "
      "o.group_id = ? AND o.date >= ? AND o.date <= ? AND NOT EXISTS (SELECT 1 FROM operations r WHERE "
      "r.reverses = o.id) GROUP BY w.member_id ORDER BY w.member_id");
  s->bind(1, group.value).bind(2, from.to_string()).bind(3, to.to_string());
  std::map<std::int64_t, std::int64_t> out;
  while (s->step()) out[s->column_int(0)] = s->column_int(1);
  return out;
}

}  // namespace samaki::ledger
