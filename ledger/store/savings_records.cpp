#include "ledger/store/savings_records.hpp"

#include "ledger/store/rows.hpp"
#include "ledger/store/write_context.hpp"

#include <stdexcept>

namespace samaki::ledger {
namespace {

constexpr const char* settings_columns =
    "effective_from, share_value, min_shares, max_shares, loan_multiple, interest_rate_e4, interest_method, "
    "social_fund_per_meeting, cash_unit, meeting_every";

// Only settings of operations still in force, oldest first.
void load_settings(sqlite::connection& db, cycle_info& cycle, iso_currency currency) {
  constexpr const char* live = "NOT EXISTS (SELECT 1 FROM operations r WHERE r.reverses = x.operation_id)";
  std::map<std::int64_t, std::size_t> by_operation;
  {
    auto s = db.prepare(std::string("SELECT x.operation_id, ") + settings_columns +
                        " FROM cycle_settings x WHERE x.cycle_id = ? AND " + live +
                        " ORDER BY x.effective_from, x.operation_id");
    s->bind(1, cycle.id.value);
    while (s->step()) {
      cycle_settings c;
      c.effective_from = stored_date(*s, 1);
      c.share_value = money(s->column_int(2), currency);
      c.min_shares = static_cast<int>(s->column_int(3));
      c.max_shares = static_cast<int>(s->column_int(4));
      c.loan_multiple = static_cast<int>(s->column_int(5));
      c.interest = monthly_rate{s->column_int(6)};
      auto method = s->column_text(7);
      c.method = known(parse_interest_method(method), "interest method", method);
      c.social_fund_per_meeting = money(s->column_int(8), currency);
      c.cash_unit = money(s->column_int(9), currency);
      auto every = s->column_text(10);
      c.meeting_every = known(parse_meeting_interval(every), "meeting interval", every);
      by_operation[s->column_int(0)] = cycle.settings.size();
      cycle.settings.push_back(std::move(c));
    }
  }
  auto s = db.prepare(
      "SELECT operation_id, code, name, name_km, amount FROM cycle_fines WHERE cycle_id = ? ORDER BY code");
  s->bind(1, cycle.id.value);
  while (s->step()) {
    auto it = by_operation.find(s->column_int(0));
    if (it == by_operation.end()) continue;
    cycle.settings[it->second].fines.push_back(fine_type{
        s->column_text(1), s->column_text(2), s->column_text(3), money(s->column_int(4), currency)});
  }
}

std::vector<cycle_info> read_cycles(sqlite::connection& db, sqlite::statement& s) {
  std::vector<cycle_info> out;
  std::vector<std::string> currencies;
  while (s.step()) {
    cycle_info c;
    c.id = cycle_id{s.column_int(0)};
    c.group = group_id{s.column_int(1)};
    c.start = stored_date(s, 2);
    c.closed_on = stored_optional_date(s, 3);
    c.created_by = s.column_text(4);
    c.created_at = s.column_text(5);
    currencies.push_back(s.column_text(6));
    c.operation = operation_id{s.column_int(7)};
    out.push_back(std::move(c));
  }
  s.reset();
  for (std::size_t i = 0; i < out.size(); ++i)
    load_settings(db, out[i], iso_currency::of_stored(currencies[i]));
  return out;
}

// Cycles of operations still in force.
constexpr const char* cycle_columns =
    "c.id, c.group_id, c.start, c.closed_on, c.created_by, c.created_at, g.currency, c.operation_id FROM "
    "cycles c "
    "JOIN groups g ON g.id = c.group_id WHERE NOT EXISTS (SELECT 1 FROM operations r WHERE r.reverses = "
    "c.operation_id)";

}  // namespace

std::string_view attendance_name(attendance a) {
  switch (a) {
    case attendance::present: return "present";
    case attendance::represented: return "represented";
    case attendance::absent: return "absent";
  }
  return "absent";
}

std::optional<attendance> parse_attendance(std::string_view text) {
  for (auto a : {attendance::present, attendance::represented, attendance::absent})
    if (attendance_name(a) == text) return a;
  return std::nullopt;
}

cycle_id insert_cycle(write_context& ctx, const cycle_info& cycle) {
  auto s = ctx.db().prepare(
      "INSERT INTO cycles (group_id, operation_id, start, created_by, created_at) VALUES (?, ?, ?, ?, ?)");
  s->bind(1, cycle.group.value).bind(2, cycle.operation.value).bind(3, cycle.start.to_string());
  s->bind(4, cycle.created_by).bind(5, cycle.created_at);
  s->run();
  return cycle_id{ctx.db().last_insert_rowid()};
}

void insert_cycle_settings(write_context& ctx, cycle_id cycle, operation_id operation,
                           const cycle_settings& c, const std::string& by, const std::string& at) {
  {
    auto s = ctx.db().prepare(std::string("INSERT INTO cycle_settings (cycle_id, operation_id, ") +
                              settings_columns +
                              ", created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s->bind(1, cycle.value)
        .bind(2, operation.value)
        .bind(3, c.effective_from.to_string())
        .bind(4, c.share_value.minor());
    s->bind(5, c.min_shares).bind(6, c.max_shares).bind(7, c.loan_multiple).bind(8, c.interest.percent_e4);
    s->bind(9, interest_method_name(c.method))
        .bind(10, c.social_fund_per_meeting.minor())
        .bind(11, c.cash_unit.minor());
    s->bind(12, meeting_interval_name(c.meeting_every)).bind(13, by).bind(14, at);
    s->run();
  }
  auto s = ctx.db().prepare(
      "INSERT INTO cycle_fines (cycle_id, operation_id, code, name, name_km, amount) VALUES (?, ?, ?, ?, ?, "
      "?)");
  for (const auto& f : c.fines) {
    s->bind(1, cycle.value).bind(2, operation.value).bind(3, f.code).bind(4, f.name).bind(5, f.name_km);
    s->bind(6, f.amount.minor());
    s->run();
    s->reset();
  }
}

void set_cycle_closed(write_context& ctx, cycle_id cycle, std::optional<calendar_date> closed_on) {
  auto s = ctx.db().prepare("UPDATE cycles SET closed_on = ? WHERE id = ?");
  bind_optional_date(*s, 1, closed_on);
  s->bind(2, cycle.value);
  s->run();
}

std::vector<cycle_info> load_cycles(sqlite::connection& db, group_id group) {
  sqlite::read_snapshot snapshot(db);
  auto s = db.prepare(std::string("SELECT ") + cycle_columns + " AND c.group_id = ? ORDER BY c.start, c.id");
  s->bind(1, group.value);
  return read_cycles(db, *s);
}

std::optional<cycle_info> load_cycle(sqlite::connection& db, cycle_id id) {
  sqlite::read_snapshot snapshot(db);
  auto s = db.prepare(std::string("SELECT ") + cycle_columns + " AND c.id = ?");
  s->bind(1, id.value);
  auto found = read_cycles(db, *s);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<cycle_info> open_cycle(sqlite::connection& db, group_id group) {
  sqlite::read_snapshot snapshot(db);
  auto s = db.prepare(std::string("SELECT ") + cycle_columns + " AND c.group_id = ? AND c.closed_on IS NULL");
  s->bind(1, group.value);
  auto found = read_cycles(db, *s);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<cycle_info> cycle_on(sqlite::connection& db, group_id group, calendar_date day) {
  sqlite::read_snapshot snapshot(db);
  auto s = db.prepare(std::string("SELECT ") + cycle_columns +
                      " AND c.group_id = ? AND c.start <= ? ORDER BY c.start DESC, c.id DESC LIMIT 1");
  s->bind(1, group.value).bind(2, day.to_string());
  auto found = read_cycles(db, *s);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

loan_id insert_loan(write_context& ctx, const loan_record& l) {
  auto s = ctx.db().prepare(
      "INSERT INTO loans (group_id, member_id, cycle_id, operation_id, principal, disbursed_on, months, "
      "interest_rate_e4, interest_method, purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s->bind(1, l.group.value)
      .bind(2, l.member.value)
      .bind(3, l.cycle ? std::optional(l.cycle->value) : std::nullopt);
  s->bind(4, l.operation.value).bind(5, l.terms.principal.minor()).bind(6, l.terms.disbursed_on.to_string());
  s->bind(7, l.terms.months).bind(8, l.terms.rate.percent_e4).bind(9, interest_method_name(l.terms.method));
  s->bind(10, l.purpose);
  s->run();
  return loan_id{ctx.db().last_insert_rowid()};
}

void insert_loan_payment(write_context& ctx, loan_id loan, const loan_payment& p) {
  auto s = ctx.db().prepare(
      "INSERT INTO loan_payments (loan_id, operation_id, date, interest, principal, kind) VALUES (?, ?, ?, "
      "?, ?, ?)");
  s->bind(1, loan.value).bind(2, p.operation.value).bind(3, p.date.to_string()).bind(4, p.interest.minor());
  s->bind(5, p.principal.minor()).bind(6, payment_kind_name(p.kind));
  s->run();
}

namespace {

// The filter's conditions on loans `l` as SQL, with only the parameters it uses (?1 group, ?2 member,
// ?3 cycle, ?4 one loan), so SQLite can use the index of the narrowest one: an `?3 IS NULL OR ...` form
// would scan every loan the group ever made.
std::string loan_conditions(const loan_filter& f, std::optional<loan_id> only) {
  std::string where = "l.group_id = ?1";
  if (f.member) where += " AND l.member_id = ?2";
  if (f.cycle) where += " AND l.cycle_id = ?3";
  if (only) where += " AND l.id = ?4";
  return where;
}

void bind_loan_filter(sqlite::statement& s, const loan_filter& f, std::optional<loan_id> only) {
  s.bind(1, f.group.value);
  if (f.member) s.bind(2, f.member->value);
  if (f.cycle) s.bind(3, f.cycle->value);
  if (only) s.bind(4, only->value);
}

std::vector<loan_record> load_loans_where(sqlite::connection& db, const loan_filter& f,
                                          std::optional<loan_id> only) {
  sqlite::read_snapshot snapshot(db);
  std::vector<loan_record> out;
  std::map<std::int64_t, std::size_t> index;
  const auto where = loan_conditions(f, only);
  {
    auto s = db.prepare(
        "SELECT l.id, l.group_id, l.member_id, l.cycle_id, l.operation_id, l.principal, l.disbursed_on, "
        "l.months, l.interest_rate_e4, l.interest_method, l.purpose, g.currency "
        "FROM loans l JOIN groups g ON g.id = l.group_id WHERE " +
        where +
        " AND NOT EXISTS (SELECT 1 FROM operations r WHERE r.reverses = l.operation_id) ORDER BY l.id");
    bind_loan_filter(*s, f, only);
    while (s->step()) {
      loan_record l;
      l.id = loan_id{s->column_int(0)};
      l.group = group_id{s->column_int(1)};
      l.member = member_id{s->column_int(2)};
      if (auto c = s->column_optional_int(3)) l.cycle = cycle_id{*c};
      l.operation = operation_id{s->column_int(4)};
      auto currency = iso_currency::of_stored(s->column_text(11));
      l.terms.principal = money(s->column_int(5), currency);
      l.terms.disbursed_on = stored_date(*s, 6);
      l.terms.months = static_cast<int>(s->column_int(7));
      l.terms.rate = monthly_rate{s->column_int(8)};
      auto method = s->column_text(9);
      l.terms.method = known(parse_interest_method(method), "interest method", method);
      l.purpose = s->column_text(10);
      index[l.id.value] = out.size();
      out.push_back(std::move(l));
    }
  }
  auto s = db.prepare(
      "SELECT p.loan_id, p.date, p.interest, p.principal, p.kind, p.operation_id FROM loans l "
      "JOIN loan_payments p ON p.loan_id = l.id WHERE " +
      where +
      " AND NOT EXISTS (SELECT 1 FROM operations r WHERE r.reverses = p.operation_id) ORDER BY p.date, p.id");
  bind_loan_filter(*s, f, only);
  while (s->step()) {
    auto it = index.find(s->column_int(0));
    if (it == index.end()) continue;
    auto& loan = out[it->second];
    auto currency = loan.terms.principal.currency();
    auto kind = s->column_text(4);
    loan.payments.push_back(
        loan_payment{stored_date(*s, 1), money(s->column_int(2), currency), money(s->column_int(3), currency),
                     known(parse_payment_kind(kind), "payment kind", kind), operation_id{s->column_int(5)}});
  }
  return out;
}

}  // namespace

std::vector<loan_record> load_loans(sqlite::connection& db, const loan_filter& f) {
  return load_loans_where(db, f, std::nullopt);
}

std::optional<loan_record> load_loan(sqlite::connection& db, loan_id id) {
  sqlite::read_snapshot snapshot(db);
  std::optional<group_id> group;
  {
    auto s = db.prepare("SELECT group_id FROM loans WHERE id = ?");
    s->bind(1, id.value);
    if (!s->step()) return std::nullopt;
    group = group_id{s->column_int(0)};
  }
  auto found = load_loans_where(db, loan_filter{*group, std::nullopt, std::nullopt}, id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<loan_id> loans_made_by(sqlite::connection& db, operation_id operation) {
  auto s = db.prepare("SELECT id FROM loans WHERE operation_id = ? ORDER BY id");
  s->bind(1, operation.value);
  std::vector<loan_id> out;
  while (s->step()) out.push_back(loan_id{s->column_int(0)});
  return out;
}

bool loan_paid_after(sqlite::connection& db, loan_id loan, operation_id made_by) {
  auto s = db.prepare(
      "SELECT 1 FROM loan_payments p WHERE p.loan_id = ? AND p.operation_id <> ? AND NOT EXISTS (SELECT 1 "
      "FROM "
      "operations r WHERE r.reverses = p.operation_id) LIMIT 1");
  s->bind(1, loan.value).bind(2, made_by.value);
  return s->step();
}

void insert_attendance(write_context& ctx, operation_id meeting, member_id member, attendance status) {
  auto s = ctx.db().prepare("INSERT INTO attendance (operation_id, member_id, status) VALUES (?, ?, ?)");
  s->bind(1, meeting.value).bind(2, member.value).bind(3, attendance_name(status));
  s->run();
}

std::vector<meeting_attendance> load_meetings(sqlite::connection& db, group_id group, calendar_date from,
                                              std::optional<calendar_date> to) {
  auto s = db.prepare(
      "SELECT o.id, o.date, a.member_id, a.status FROM operations o LEFT JOIN attendance a ON a.operation_id "
      "= o.id "
      "WHERE o.group_id = ?1 AND o.type = 'meeting' AND o.date >= ?2 AND (?3 IS NULL OR o.date <= ?3) AND "
      "NOT EXISTS "
      "(SELECT 1 FROM operations r WHERE r.reverses = o.id) ORDER BY o.date, o.id");
  s->bind(1, group.value).bind(2, from.to_string());
  bind_optional_date(*s, 3, to);
  std::vector<meeting_attendance> out;
  while (s->step()) {
    operation_id id{s->column_int(0)};
    if (out.empty() || out.back().meeting != id)
      out.push_back(meeting_attendance{id, stored_date(*s, 1), {}});
    if (s->column_is_null(2)) continue;
    auto status = s->column_text(3);
    out.back().members[s->column_int(2)] = known(parse_attendance(status), "attendance", status);
  }
  return out;
}

void insert_share_purchase(write_context& ctx, operation_id operation, member_id member, cycle_id cycle,
                           int shares, std::int64_t amount) {
  auto s = ctx.db().prepare(
      "INSERT INTO share_purchases (operation_id, member_id, cycle_id, shares, amount) VALUES (?, ?, ?, ?, "
      "?)");
  s->bind(1, operation.value).bind(2, member.value).bind(3, cycle.value).bind(4, shares).bind(5, amount);
  s->run();
}

std::vector<share_purchase> load_share_purchases(sqlite::connection& db, cycle_id cycle,
                                                 std::optional<member_id> member) {
  auto s = db.prepare(
      "SELECT p.operation_id, o.date, p.member_id, p.shares, p.amount FROM share_purchases p JOIN operations "
      "o "
      "ON o.id = p.operation_id WHERE p.cycle_id = ?1 AND (?2 IS NULL OR p.member_id = ?2) AND NOT EXISTS "
      "(SELECT 1 "
      "FROM operations r WHERE r.reverses = o.id) ORDER BY o.date, o.id, p.member_id");
  s->bind(1, cycle.value).bind(2, member ? std::optional(member->value) : std::nullopt);
  std::vector<share_purchase> out;
  while (s->step())
    out.push_back(share_purchase{operation_id{s->column_int(0)}, stored_date(*s, 1),
                                 member_id{s->column_int(2)}, static_cast<int>(s->column_int(3)),
                                 s->column_int(4)});
  return out;
}

std::vector<member_info> load_group_members(sqlite::connection& db, group_id group) {
  std::vector<member_id> ids;
  {
    auto s = db.prepare("SELECT id FROM members WHERE group_id = ? ORDER BY id");
    s->bind(1, group.value);
    while (s->step()) ids.push_back(member_id{s->column_int(0)});
  }
  std::vector<member_info> out;
  for (auto id : ids)
    if (auto m = load_member(db, id)) out.push_back(std::move(*m));
  return out;
}

}  // namespace samaki::ledger
