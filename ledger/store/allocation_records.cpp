#include "ledger/store/allocation_records.hpp"

#include "ledger/store/rows.hpp"
#include "ledger/store/write_context.hpp"

#include <map>

namespace samaki::ledger {

void insert_allocation(write_context& ctx, group_id group, const allocation_record& a) {
  {
    auto s = ctx.db().prepare(
        "INSERT INTO allocations (operation_id, group_id, date, decision, surplus, village_fund, reinvest, "
        "members_amount, split, work_from, work_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s->bind(1, a.operation.value).bind(2, group.value).bind(3, a.date.to_string()).bind(4, a.decision);
    s->bind(5, a.surplus.minor()).bind(6, a.village_fund.minor()).bind(7, a.reinvest.minor());
    s->bind(8, a.members_amount.minor()).bind(9, a.split);
    bind_optional_date(*s, 10, a.work_from);
    bind_optional_date(*s, 11, a.work_to);
    s->run();
  }
  auto s = ctx.db().prepare(
      "INSERT INTO allocation_members (operation_id, member_id, weight, amount) VALUES (?, ?, ?, ?)");
  for (const auto& m : a.members) {
    s->bind(1, a.operation.value).bind(2, m.member.value).bind(3, m.weight).bind(4, m.amount.minor());
    s->run();
    s->reset();
  }
}

std::vector<allocation_record> load_allocations(sqlite::connection& db, group_id group,
                                                iso_currency currency) {
  sqlite::read_snapshot snapshot(db);
  std::vector<allocation_record> out;
  std::map<std::int64_t, std::size_t> index;
  {
    auto s = db.prepare(
        "SELECT x.operation_id, x.date, x.decision, x.surplus, x.village_fund, x.reinvest, x.members_amount, "
        "x.split, x.work_from, x.work_to FROM allocations x WHERE x.group_id = ? AND NOT EXISTS (SELECT 1 "
        "FROM "
        "operations r WHERE r.reverses = x.operation_id) ORDER BY x.date, x.operation_id");
    s->bind(1, group.value);
    while (s->step()) {
      allocation_record a;
      a.operation = operation_id{s->column_int(0)};
      a.date = stored_date(*s, 1);
      a.decision = s->column_text(2);
      a.surplus = money(s->column_int(3), currency);
      a.village_fund = money(s->column_int(4), currency);
      a.reinvest = money(s->column_int(5), currency);
      a.members_amount = money(s->column_int(6), currency);
      a.split = s->column_text(7);
      a.work_from = stored_optional_date(*s, 8);
      a.work_to = stored_optional_date(*s, 9);
      index[a.operation.value] = out.size();
      out.push_back(std::move(a));
    }
  }
  auto s = db.prepare(
      "SELECT m.operation_id, m.member_id, m.weight, m.amount FROM allocation_members m JOIN allocations x "
      "ON "
      "x.operation_id = m.operation_id WHERE x.group_id = ? ORDER BY m.operation_id, m.member_id");
  s->bind(1, group.value);
  while (s->step()) {
    auto it = index.find(s->column_int(0));
    if (it == index.end()) continue;
    out[it->second].members.push_back(
        allocation_share{member_id{s->column_int(1)}, s->column_int(2), money(s->column_int(3), currency)});
  }
  return out;
}

}  // namespace samaki::ledger
