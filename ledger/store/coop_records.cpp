#include "ledger/store/coop_records.hpp"

#include "ledger/store/rows.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger {
namespace {

constexpr const char* live = "NOT EXISTS (SELECT 1 FROM operations r WHERE r.reverses = x.operation_id)";

}  // namespace

void insert_bylaws(write_context& ctx, group_id group, operation_id operation, const bylaws& b) {
  auto s = ctx.db().prepare(
      "INSERT INTO bylaws (group_id, operation_id, effective_from, reserve_e4, education_e4, "
      "dividend_cap_e4, "
      "patronage_e4, patronage_cash_e4, cash_unit, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
      "?, "
      "?, ?)");
  s->bind(1, group.value).bind(2, operation.value).bind(3, b.effective_from.to_string());
  s->bind(4, b.reserve.e4).bind(5, b.education.e4).bind(6, b.dividend_cap.e4).bind(7, b.patronage.e4);
  s->bind(8, b.patronage_cash.e4).bind(9, b.cash_unit.minor()).bind(10, b.created_by).bind(11, b.created_at);
  s->run();
}

std::vector<bylaws> load_bylaws(sqlite::connection& db, const group_info& group) {
  auto s = db.prepare(
      std::string("SELECT x.operation_id, x.effective_from, x.reserve_e4, x.education_e4, "
                  "x.dividend_cap_e4, x.patronage_e4, x.patronage_cash_e4, x.cash_unit, x.created_by, "
                  "x.created_at FROM bylaws x WHERE x.group_id = ? AND ") +
      live + " ORDER BY x.effective_from, x.operation_id");
  s->bind(1, group.id.value);
  std::vector<bylaws> out;
  while (s->step()) {
    bylaws b;
    b.operation = operation_id{s->column_int(0)};
    b.effective_from = stored_date(*s, 1);
    b.reserve = percent{s->column_int(2)};
    b.education = percent{s->column_int(3)};
    b.dividend_cap = percent{s->column_int(4)};
    b.patronage = percent{s->column_int(5)};
    b.patronage_cash = percent{s->column_int(6)};
    b.cash_unit = money(s->column_int(7), group.currency);
    b.created_by = s->column_text(8);
    b.created_at = s->column_text(9);
    out.push_back(std::move(b));
  }
  return out;
}

void insert_appropriation(write_context& ctx, group_id group, operation_id operation,
                          const appropriation_sheet& sheet) {
  {
    auto s = ctx.db().prepare(
        "INSERT INTO appropriations (operation_id, group_id, year, dividend_e4, surplus, reserve, education, "
        "patronage_pool) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s->bind(1, operation.value).bind(2, group.value).bind(3, sheet.year).bind(4, sheet.dividend_percent.e4);
    s->bind(5, sheet.surplus.minor()).bind(6, sheet.reserve.minor()).bind(7, sheet.education.minor());
    s->bind(8, sheet.patronage_pool.minor());
    s->run();
  }
  auto s = ctx.db().prepare(
      "INSERT INTO appropriation_members (operation_id, member_id, share_capital, dividend, business, "
      "refund, "
      "refund_cash) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& m : sheet.members) {
    s->bind(1, operation.value).bind(2, m.member.value).bind(3, m.share_capital.minor());
    s->bind(4, m.dividend.minor()).bind(5, m.business.minor()).bind(6, m.refund.minor());
    s->bind(7, m.refund_cash.minor());
    s->run();
    s->reset();
  }
}

std::optional<appropriation_sheet> load_appropriation(sqlite::connection& db, const group_info& group,
                                                      int year) {
  sqlite::read_snapshot snapshot(db);
  const auto currency = group.currency;
  auto amount = [&](const sqlite::statement& s, int column) { return money(s.column_int(column), currency); };
  appropriation_sheet sheet;
  operation_id operation;
  {
    auto s =
        db.prepare(std::string("SELECT x.operation_id, x.dividend_e4, x.surplus, x.reserve, x.education, "
                               "x.patronage_pool FROM appropriations x WHERE x.group_id = ? AND x.year = ? "
                               "AND ") +
                   live + " ORDER BY x.operation_id DESC LIMIT 1");
    s->bind(1, group.id.value).bind(2, year);
    if (!s->step()) return std::nullopt;
    operation = operation_id{s->column_int(0)};
    sheet.year = year;
    sheet.dividend_percent = percent{s->column_int(1)};
    sheet.surplus = amount(*s, 2);
    sheet.reserve = amount(*s, 3);
    sheet.education = amount(*s, 4);
    sheet.patronage_pool = amount(*s, 5);
  }
  sheet.rules = bylaws_on(load_bylaws(db, group), group, calendar_date::from_ymd(year, 12, 31));
  const auto zero = money::zero(currency);
  sheet.dividends = sheet.refunds = sheet.total_business = zero;
  auto s = db.prepare(
      "SELECT member_id, share_capital, dividend, business, refund, refund_cash FROM appropriation_members "
      "WHERE operation_id = ? ORDER BY member_id");
  s->bind(1, operation.value);
  while (s->step()) {
    appropriation_member m;
    m.member = member_id{s->column_int(0)};
    m.share_capital = amount(*s, 1);
    m.dividend = amount(*s, 2);
    m.business = amount(*s, 3);
    m.refund = amount(*s, 4);
    m.refund_cash = amount(*s, 5);
    m.refund_retained = subtract(m.refund, m.refund_cash).value();
    sheet.dividends = add(sheet.dividends, m.dividend).value();
    sheet.refunds = add(sheet.refunds, m.refund).value();
    sheet.total_business = add(sheet.total_business, m.business).value();
    sheet.members.push_back(m);
  }
  sheet.total =
      add(add(sheet.reserve, sheet.education).value(), add(sheet.dividends, sheet.refunds).value()).value();
  sheet.left_over = subtract(sheet.surplus, sheet.total).value();
  return sheet;
}

}  // namespace samaki::ledger
