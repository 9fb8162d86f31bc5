#include "bench/savings_activity.hpp"

#include "bench/bench_support.hpp"

#include "ledger/groups/registry.hpp"
#include "ledger/operations/operation.hpp"
#include "ledger/savings/loans.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

#include <random>
#include <stdexcept>

namespace samaki::bench {
namespace {

using namespace samaki::ledger;

template <class T>
T on_writer(store& s, std::function<result<T>(write_context&)> work, const std::string& what) {
  return must(s.submit<T>(std::move(work)).get(), what);
}

field_value number(std::int64_t n) {
  return field_value{n};
}

// One meeting's request, worked out against the books as they are on the writer.
operation_request meeting_request(write_context& w, const savings_group_made& g, calendar_date day,
                                  std::mt19937_64& rng, std::string key) {
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto cycle = open_cycle(w.db(), g.group);
  if (!cycle) throw std::runtime_error("no open cycle on " + day.to_string());
  const auto& settings = cycle->settings_on(day);
  const auto* group = w.group(g.group);
  const auto* shares_account = group->account("3010");
  const auto* cash_box = group->account("1010");
  std::map<std::int64_t, std::vector<loan_record>> loans;
  for (auto& l : load_loans(w.db(), loan_filter{g.group, std::nullopt, cycle->id}))
    loans[l.member.value].push_back(std::move(l));

  field_list members;
  std::int64_t cash_in = 0;
  std::vector<std::pair<member_id, std::int64_t>> may_borrow;  // member, their loan limit
  for (auto m : g.members) {
    field_map row;
    row["member_id"] = number(m.value);
    int shares = uniform(settings.min_shares, settings.max_shares);
    row["shares"] = number(shares);
    cash_in += settings.share_value.minor() * shares;
    if (settings.social_fund_per_meeting.is_positive()) row["social_fund"] = field_value{true};
    if (!settings.fines.empty() && uniform(0, 19) == 0) {
      row["fines"] = field_value{field_list{text(settings.fines.front().code)}};
      cash_in += settings.fines.front().amount.minor();
    }
    field_list repay;
    bool has_open = false;
    for (const auto& loan : loans[m.value]) {
      auto p = position_at(loan, day);
      if (p.status != loan_status::open) continue;
      has_open = true;
      if (p.next_due && p.next_due->date <= day) {
        auto amount = std::min(p.next_due->amount.minor(), p.owed().minor());
        repay.push_back(
            field_value{field_map{{"loan_id", number(loan.id.value)},
                                  {"amount", text(money(amount, p.owed().currency()).amount_text())}}});
        cash_in += amount;
      }
    }
    if (!repay.empty()) row["repay"] = field_value{std::move(repay)};
    if (!has_open) {
      auto savings = -w.balance(shares_account->id, m) + settings.share_value.minor() * shares;
      may_borrow.emplace_back(m, savings * settings.loan_multiple);
    }
    members.push_back(field_value{std::move(row)});
  }
  // One new loan a meeting, within the member's limit and the cash the box will hold.
  if (!may_borrow.empty()) {
    auto [who, limit] =
        may_borrow[static_cast<std::size_t>(uniform(0, static_cast<int>(may_borrow.size()) - 1))];
    auto available = w.balance(cash_box->id) + cash_in;
    std::int64_t amount = std::int64_t{10000} * 100 * uniform(2, 10);  // 20,000 to 100,000 riel
    amount = std::min({amount, limit, available}) / 1000000 * 1000000;
    if (amount > 0)
      for (auto& row : members)
        if (std::get<std::int64_t>(std::get<field_map>(row.value)["member_id"].value) == who.value)
          std::get<field_map>(row.value)["loan"] = field_value{
              field_map{{"amount", text(money(amount, settings.share_value.currency()).amount_text())},
                        {"months", number(uniform(2, 6))}}};
  }
  return operation(g.group, "meeting", day, field_map{{"members", field_value{std::move(members)}}},
                   std::move(key));
}

ledger::operation_id record(store& s, std::function<operation_request(write_context&)> make,
                            const std::string& what) {
  return on_writer<operation_id>(
      s,
      [make = std::move(make)](write_context& w) -> result<operation_id> {
        auto done = record_operation(w, make(w));
        if (!done) return done.error();
        return done->record.id;
      },
      what);
}

field_map cycle_settings_fields() {
  return {{"share_value", text("5000")},
          {"social_fund_per_meeting", text("1000")},
          {"fines", field_value{field_list{field_value{field_map{
                        {"code", text("late")}, {"name", text("Late")}, {"amount", text("500")}}}}}}};
}

}  // namespace

savings_group_made make_savings_group(store& s, const savings_plan& plan) {
  savings_group_made made;
  new_group g;
  g.name = plan.name;
  g.kind = group_kind::savings_group;
  g.currency = "KHR";
  made.group = on_writer<group_info>(
                   s, [g](write_context& w) { return create_group(w, g); }, "group")
                   .id;
  for (int i = 0; i < plan.members; ++i) {
    new_member m{made.group, "Member " + std::to_string(i + 1), "",
                 "",         i % 4 == 0 ? "male" : "female",    plan.start};
    made.members.push_back(on_writer<member_info>(
                               s, [m](write_context& w) { return add_member(w, m); }, "member")
                               .id);
  }
  std::mt19937_64 rng(plan.seed);
  auto group = made.group;
  record(
      s,
      [group, day = plan.start](write_context&) {
        return operation(group, "cycle_start", day, cycle_settings_fields(), "");
      },
      "cycle");
  ++made.operations;
  auto day = plan.start;
  for (int k = 0; k < plan.meetings; ++k, day = day.plus_days(7)) {
    record(
        s, [&](write_context& w) { return meeting_request(w, made, day, rng, ""); },
        "meeting " + day.to_string());
    ++made.meetings;
    ++made.operations;
    made.last_meeting = day;
    if ((k + 1) % plan.meetings_per_cycle == 0 && k + 1 < plan.meetings) {
      record(
          s, [group, day](write_context&) { return operation(group, "share_out", day, {}, ""); },
          "share-out");
      record(
          s,
          [group, day](write_context&) {
            return operation(group, "cycle_start", day.plus_days(1), cycle_settings_fields(), "");
          },
          "next cycle");
      made.operations += 2;
    }
  }
  return made;
}

ledger::operation_id record_meeting(store& s, const savings_group_made& group, calendar_date day,
                                    std::uint64_t seed, const std::string& idempotency_key) {
  std::mt19937_64 rng(seed);
  return record(
      s, [&](write_context& w) { return meeting_request(w, group, day, rng, idempotency_key); },
      "meeting " + day.to_string());
}

}  // namespace samaki::bench
