#include "ledger/reports/joint_task/harvest_report.hpp"

#include "ledger/reports/group_books.hpp"

#include <map>

namespace samaki::ledger {
namespace {

std::vector<crop_sales> sales_by_crop(sqlite::connection& db, group_id group, calendar_date from,
                                      calendar_date to) {
  std::map<std::pair<std::string, std::string>, crop_sales> by_crop;
  for (const auto& t : load_trades(db, group, from, to)) {
    if (t.type != "harvest_sale") continue;
    auto key = std::make_pair(t.item, std::string(t.amount.currency_code()));
    auto [it, fresh] = by_crop.try_emplace(
        key, crop_sales{t.item, t.amount.currency(), quantity{}, money::zero(t.amount.currency())});
    it->second.kg.e3 += t.amount_of.e3;
    it->second.amount = add(it->second.amount, t.amount).value();
  }
  std::vector<crop_sales> out;
  for (auto& [key, sales] : by_crop) out.push_back(std::move(sales));
  return out;
}

}  // namespace

result<harvest_report> read_harvest_report(sqlite::connection& db, group_id id, int year) {
  sqlite::read_snapshot snapshot(db);
  auto books = read_group_books(db, id);
  if (!books) return books.error();
  if (books->group.kind != group_kind::joint_task)
    return error(errc::wrong_group_kind, "this report is for joint-task committees",
                 {{"kind", std::string(kind_name(books->group.kind))}});
  const auto currency = books->group.currency;
  const auto first = calendar_date::from_ymd(year, 1, 1), last = calendar_date::from_ymd(year, 12, 31);
  harvest_report out;
  out.year = year;
  out.group = books->group;
  out.members_named = books->members;
  out.village_fund = out.reinvest = out.members = money::zero(currency);
  // The earliest day of sales some harvest may hold; reads of trades need one.
  const auto beginning = calendar_date::from_ymd(1900, 1, 1);
  std::optional<calendar_date> previous;
  auto add_harvest = [&](calendar_date to, std::optional<allocation_record> allocation) {
    harvest_period h;
    h.from = previous ? std::optional(previous->plus_days(1)) : std::nullopt;
    h.to = to;
    h.sales = sales_by_crop(db, id, h.from.value_or(beginning), to);
    h.results = build_income_statement(*books, movements(db, id, h.from, to, true), h.from, to);
    h.allocation = std::move(allocation);
    out.harvests.push_back(std::move(h));
  };
  for (auto& a : load_allocations(db, id, currency)) {
    const auto day = a.date;
    if (day > last) break;
    if (day >= first) {
      out.village_fund = add(out.village_fund, a.village_fund).value();
      out.reinvest = add(out.reinvest, a.reinvest).value();
      for (const auto& m : a.members) out.members = add(out.members, m.amount).value();
      add_harvest(day, std::move(a));
    }
    previous = day;
  }
  // What came after the last allocation up to the year's end: the harvest still open, when it holds anything.
  if (!previous || *previous < last) {
    add_harvest(last, std::nullopt);
    bool anything = !out.harvests.back().sales.empty();
    for (const auto& c : out.harvests.back().results.currencies)
      anything = anything || !c.income.empty() || !c.expenses.empty();
    if (!anything) out.harvests.pop_back();
  }
  out.sales = sales_by_crop(db, id, first, last);
  out.results = build_income_statement(*books, movements(db, id, first, last, true), first, last);
  return out;
}

}  // namespace samaki::ledger
