// expense (joint-task committees) {"account", "amount", "from"?, "member_id"?, "work_days"?: [{"member_id",
// "days"}]}: an expense of the committee (5010 labour, 5020 inputs, 5030 equipment, 5080 other), Dr 5xxx /
// Cr cash, as for every kind; labour (5010) may name the whole days each member worked, which an allocation
// split by work days counts (kept beside the entry, by the expense's date).
#include "ledger/operations/cash_movement.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/money_moves.hpp"
#include "ledger/store/trade_records.hpp"

#include <set>

namespace samaki::ledger::operations {
namespace {

constexpr std::int64_t max_days = 100000;

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto post = plan_cash_movement(ctx, f, account_type::expense, "from");
  if (!post) return post.error();
  auto rows = f.objects("work_days");
  if (!rows.empty() && f.text("account") != "5010")
    return f.invalid("work_days", errc::bad_request, "work days go with labour (account 5010)");
  std::vector<std::pair<member_id, std::int64_t>> worked;
  std::set<std::int64_t> named;
  for (const auto& row : rows) {
    auto member = active_member(ctx, row);
    if (!member) return member.error();
    if (!named.insert(member->value).second)
      return row.invalid("member_id", errc::bad_request,
                         "member " + std::to_string(member->value) + " is named twice");
    auto days = row.integer("days");
    if (days < 1 || days > max_days)
      return row.invalid("days", errc::bad_request, "days must be a whole number of days, 1 or more");
    worked.emplace_back(*member, days);
  }
  return apply_step(
      [post = std::move(*post), worked = std::move(worked)](operation_context& run) -> result<void> {
        if (auto posted = post(run); !posted) return posted.error();
        for (const auto& [member, days] : worked) insert_work_days(run.books(), run.id(), member, days);
        return {};
      });
}

std::vector<field_spec> fields() {
  auto specs = expense_fields();
  specs.push_back(
      {"work_days",
       field_type::list,
       false,
       {},
       {{"work",
         field_type::object,
         true,
         {},
         {{"member_id", field_type::id, true, {}, {}, "member"}, {"days", field_type::integer, true}}}}});
  return specs;
}

}  // namespace

const operation_type labour_expense{"expense", {group_kind::joint_task},
                                    fields(),  {"5010", "5020", "5030", "5080", "1010", "1020"},
                                    plan,      nullptr};

}  // namespace samaki::ledger::operations
