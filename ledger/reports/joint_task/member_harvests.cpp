#include "ledger/reports/joint_task/member_harvests.hpp"

#include "ledger/store/book_reads.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/trade_records.hpp"

namespace samaki::ledger {

result<member_harvests> read_member_harvests(sqlite::connection& db, group_id id, member_id mid) {
  sqlite::read_snapshot snapshot(db);
  auto group = load_group(db, id);
  if (!group) return error(errc::not_found, "no such group");
  if (group->kind != group_kind::joint_task)
    return error(errc::wrong_group_kind, "this page is for joint-task committees",
                 {{"kind", std::string(kind_name(group->kind))}});
  auto member = load_member(db, mid);
  if (!member || member->group != id) return error(errc::not_found, "no such member");
  const auto currency = group->currency;
  member_harvests out{
      *group, *member, {}, money::zero(currency), money::zero(currency), money::zero(currency)};
  const auto beginning = calendar_date::from_ymd(1900, 1, 1), end = calendar_date::from_ymd(9999, 12, 31);
  auto days_in = [&](std::optional<calendar_date> from, calendar_date to) {
    auto days = work_days_between(db, id, from.value_or(beginning), to);
    auto it = days.find(mid.value);
    return it == days.end() ? std::int64_t{0} : it->second;
  };
  std::optional<calendar_date> previous;
  for (auto& a : load_allocations(db, id, currency)) {
    member_harvest h;
    h.from = previous ? std::optional(previous->plus_days(1)) : std::nullopt;
    h.to = a.date;
    h.work_days = days_in(h.from, a.date);
    for (const auto& s : a.members)
      if (s.member == mid) {
        h.share = s;
        out.allocated = add(out.allocated, s.amount).value();
      }
    previous = a.date;
    a.members.clear();
    h.allocation = std::move(a);
    out.harvests.push_back(std::move(h));
  }
  // The harvest still open, when they worked in it.
  member_harvest open;
  open.from = previous ? std::optional(previous->plus_days(1)) : std::nullopt;
  open.work_days = days_in(open.from, end);
  if (open.work_days > 0) out.harvests.push_back(std::move(open));

  std::optional<std::int64_t> payable;
  for (const auto& a : load_accounts(db, id))
    if (a.code == "2020" && a.currency == currency) payable = a.id.value;
  if (payable) {
    const auto balances = balances_as_of(db, id, std::nullopt);
    if (auto it = balances.find({*payable, mid.value}); it != balances.end())
      out.owed = money(-it->second, currency);  // a credit balance: owed to the member
  }
  out.paid = subtract(out.allocated, out.owed).value();
  return out;
}

}  // namespace samaki::ledger
