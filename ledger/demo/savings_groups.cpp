// Three savings groups at three moments of a cycle. Each meeting is one `meeting` operation: every member's
// attendance, shares and social fund, a fine now and then, the repayments falling due, and new loans within
// the loan multiple and the cash in the box.
#include "ledger/demo/book.hpp"
#include "ledger/demo/people.hpp"
#include "ledger/demo/stories.hpp"
#include "ledger/savings/loans.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace samaki::ledger::demo {
namespace {

constexpr std::int64_t share_value = 5000;    // riel
constexpr std::int64_t minor_per_riel = 100;  // KHR has two minor digits

struct planned_loan {
  int meeting;
  std::size_t member;  // index into the group's members
  std::int64_t amount;
  int months;
  const char* purpose;
};

struct planned_grant {
  int meeting;
  std::size_t member;
  std::int64_t amount;
  const char* reason;
};

struct cycle_plan {
  calendar_date start = {};
  int every_days = 14;
  int meetings = 0;
  int lend_from = 0, lend_until = 0;  // the meetings at which members may borrow
  std::vector<planned_loan> planned = {};
  std::optional<std::size_t> defaulter = {};  // repays the first instalment, then nothing
  std::vector<planned_grant> grants = {};     // out of the social fund
  bool last_before_share_out = false;         // the last meeting settles every loan
  std::uint32_t seed = 0;
};

field_map cycle_settings(const char* every) {
  return {{"share_value", riel(share_value)},
          {"min_shares", number(1)},
          {"max_shares", number(5)},
          {"loan_multiple", number(3)},
          {"interest", object({{"percent_per_month", text("2")}, {"method", text("flat")}})},
          {"social_fund_per_meeting", riel(1000)},
          {"cash_unit", riel(100)},
          {"meeting_every", text(every)},
          {"fines", list({object({{"code", text("late")},
                                  {"name", text("Late for the meeting")},
                                  {"name_km", text("មកប្រជុំយឺត")},
                                  {"amount", riel(500)}})})}};
}

std::string riel_text(const money& m) {
  return m.amount_text();
}

class savings_meetings {
 public:
  savings_meetings(book& b, std::vector<member_id> members, cycle_plan plan)
      : book_(b), members_(std::move(members)), plan_(std::move(plan)), dice_(plan_.seed) {
    for (std::size_t i = 0; i < members_.size(); ++i) usual_shares_.push_back(dice_.between(1, 5));
    for (const auto& p : plan_.planned) usual_shares_[p.member] = 5;  // borrowers who save the most
  }

  calendar_date meeting_day(int k) const { return plan_.start.plus_days(k * plan_.every_days); }

  void hold_all() {
    for (int k = 0; k < plan_.meetings; ++k) hold(k);
  }

 private:
  // Open loans of the group's current cycle by member, as they stand on the day.
  std::map<std::int64_t, std::vector<loan_record>> open_loans(calendar_date day) {
    std::map<std::int64_t, std::vector<loan_record>> out;
    for (auto& loan : load_loans(book_.ctx().db(), loan_filter{book_.group(), std::nullopt, std::nullopt}))
      if (position_at(loan, day).status == loan_status::open) out[loan.member.value].push_back(loan);
    return out;
  }

  bool planned_borrower(std::size_t i) const {
    return std::any_of(plan_.planned.begin(), plan_.planned.end(),
                       [&](const planned_loan& p) { return p.member == i; });
  }

  void hold(int k) {
    const auto day = meeting_day(k);
    const bool last = plan_.last_before_share_out && k == plan_.meetings - 1;
    auto loans = open_loans(day);
    std::int64_t cash = book_.balance("1010") / minor_per_riel;
    field_list rows;
    for (std::size_t i = 0; i < members_.size(); ++i) {
      const auto m = members_[i];
      const bool borrows_today =
          std::any_of(plan_.planned.begin(), plan_.planned.end(),
                      [&](const planned_loan& p) { return p.meeting == k && p.member == i; }) ||
          std::any_of(plan_.grants.begin(), plan_.grants.end(),
                      [&](const planned_grant& g) { return g.meeting == k && g.member == i; });
      std::string attendance = "present";
      // Planned borrowers never miss a meeting (nor a repayment, but for the defaulter's).
      if (k > 0 && k < plan_.meetings - 1 && !borrows_today && !planned_borrower(i)) {
        const int roll = dice_.below(100);
        attendance = roll < 6 ? "absent" : roll < 11 ? "represented" : "present";
      }
      field_map row{{"member_id", id_of(m)}, {"attendance", text(attendance)}};
      if (attendance == "absent") {
        rows.push_back(object(std::move(row)));
        continue;
      }
      int shares = usual_shares_[i];
      if (!planned_borrower(i) && dice_.chance(20))
        shares = std::clamp(shares + (dice_.chance(50) ? 1 : -1), 1, 5);
      row["shares"] = number(shares);
      row["social_fund"] = yes(true);
      if (attendance == "present" && dice_.chance(4)) row["fines"] = list({text("late")});

      field_list repay;
      for (const auto& loan : loans[m.value]) {
        const auto position = position_at(loan, day);
        if (plan_.defaulter == i && !loan.payments.empty()) continue;
        if (last) {
          repay.push_back(
              object({{"loan_id", number(loan.id.value)}, {"amount", text(riel_text(position.owed()))}}));
        } else if (position.next_due && position.next_due->date <= day) {
          auto amount = compare(position.next_due->amount, position.owed()) < 0 ? position.next_due->amount
                                                                                : position.owed();
          repay.push_back(object({{"loan_id", number(loan.id.value)}, {"amount", text(riel_text(amount))}}));
        }
      }
      if (!repay.empty()) row["repay"] = field_value{std::move(repay)};

      if (auto loan = new_loan(k, i, shares, loans[m.value].empty(), cash)) {
        cash -= loan->amount;
        row["loan"] = object({{"amount", riel(loan->amount)},
                              {"months", number(loan->months)},
                              {"purpose", text(loan->purpose)}});
      }
      for (const auto& g : plan_.grants)
        if (g.meeting == k && g.member == i)
          row["grant"] = object({{"amount", riel(g.amount)}, {"reason", text(g.reason)}});
      rows.push_back(object(std::move(row)));
    }
    book_.record("meeting", day, {{"members", field_value{std::move(rows)}}},
                 "Meeting " + std::to_string(k + 1));
  }

  // A loan for member i at meeting k: one planned, or now and then one asked for by a member who owes
  // nothing, within three times their shares and what the loan fund box holds.
  std::optional<planned_loan> new_loan(int k, std::size_t i, int shares_today, bool owes_nothing,
                                       std::int64_t cash) {
    for (const auto& p : plan_.planned)
      if (p.meeting == k && p.member == i) return p;
    if (k < plan_.lend_from || k > plan_.lend_until || !owes_nothing || planned_borrower(i) ||
        plan_.defaulter == i || !dice_.chance(12))
      return std::nullopt;
    static constexpr std::int64_t sizes[] = {50000, 80000, 100000, 150000, 200000, 300000};
    static constexpr const char* purposes[] = {"Seed and fertiliser", "Piglets",  "School fees",
                                               "Small shop stock",    "Chickens", "Motorbike repair"};
    const std::int64_t savings =
        -book_.balance("3010", members_[i]) / minor_per_riel + shares_today * share_value;
    std::int64_t amount = sizes[dice_.below(static_cast<int>(std::size(sizes)))];
    while (amount > 3 * savings && amount > 50000) amount -= 50000;
    if (amount > 3 * savings || amount + 50000 > cash) return std::nullopt;
    return planned_loan{k, i, amount, amount >= 150000 ? 3 : 2, purposes[dice_.below(6)]};
  }

  book& book_;
  std::vector<member_id> members_;
  cycle_plan plan_;
  dice dice_;
  std::vector<int> usual_shares_;
};

std::vector<member_id> join_all(book& b, const std::vector<person>& people, calendar_date day) {
  std::vector<member_id> ids;
  for (const auto& p : people) ids.push_back(b.join(p, day));
  return ids;
}

}  // namespace

story savings_group_shared_out(write_context& ctx) {
  const auto formed = calendar_date::from_ymd(2025, 10, 22);
  book b(ctx,
         new_group{"Trapeang Thom Women's Savings Group", "ក្រុមសន្សំប្រាក់ស្ត្រីត្រពាំងធំ", group_kind::savings_group,
                   "KHR", std::nullopt, "Siem Reap", "Puok", "Samrong Yea", "Trapeang Thom"},
         formed, "treasurer");
  auto members = join_all(b, villagers(20, 100, 1101), formed);
  const auto start = calendar_date::from_ymd(2025, 11, 5);
  b.record("cycle_start", start, cycle_settings("2weeks"), "Cycle 2025-2026");
  // A member's mother fell ill at the tenth meeting: the social fund helps, as the group agreed.
  const cycle_plan plan{.start = start,
                        .every_days = 14,
                        .meetings = 25,
                        .lend_from = 1,
                        .lend_until = 16,
                        .grants = {{9, 3, 40000, "Mother in hospital"}},
                        .last_before_share_out = true,
                        .seed = 1102};
  savings_meetings meetings(b, members, plan);
  meetings.hold_all();
  b.record("share_out", meetings.meeting_day(25), {}, "Share-out of the 2025-2026 cycle");
  return {b.group(), std::nullopt};
}

story savings_group_mid_cycle(write_context& ctx) {
  const auto formed = calendar_date::from_ymd(2026, 4, 22);
  book b(ctx,
         new_group{"Srae Ronoung Savings Group", "ក្រុមសន្សំប្រាក់ស្រែរនោង", group_kind::savings_group, "KHR",
                   std::nullopt, "Takeo", "Tram Kak", "Srae Ronoung", "Ta Phem"},
         formed, "treasurer.takeo");
  // Chan Sokha signs in as a member; Keo Vuthy's loan is the one in arrears.
  std::vector<person> people{{"Chan Sokha", "ចាន់ សុខា", "female"}, {"Keo Vuthy", "កែវ វុទ្ធី", "male"}};
  for (auto& p : villagers(23, 70, 2201)) people.push_back(p);
  auto members = join_all(b, people, formed);
  const auto start = calendar_date::from_ymd(2026, 5, 6);
  b.record("cycle_start", start, cycle_settings("2weeks"), "Cycle 2026-2027");
  const cycle_plan plan{.start = start,
                        .every_days = 14,
                        .meetings = 15,
                        .lend_from = 2,
                        .lend_until = 12,
                        .planned = {{2, 1, 200000, 4, "Fishing nets"},
                                    {4, 0, 150000, 3, "Rice seed"},
                                    {12, 0, 100000, 3, "Sewing machine"}},
                        .defaulter = 1,
                        .seed = 2202};
  savings_meetings(b, members, plan).hold_all();
  return {b.group(), members[0]};
}

story savings_group_new(write_context& ctx) {
  const auto formed = calendar_date::from_ymd(2026, 10, 28);
  book b(ctx,
         new_group{"Kampong Trach Savings Group", "ក្រុមសន្សំប្រាក់កំពង់ត្រាច", group_kind::savings_group, "KHR",
                   std::nullopt, "Kampot", "Kampong Trach", "Kampong Trach Khang Kaeut", "Kampong Trach"},
         formed, "treasurer.kampot");
  auto members = join_all(b, villagers(12, 60, 3301), formed);
  const auto start = calendar_date::from_ymd(2026, 11, 4);
  b.record("cycle_start", start, cycle_settings("week"), "First cycle");
  const cycle_plan plan{
      .start = start, .every_days = 7, .meetings = 4, .lend_from = 99, .lend_until = 0, .seed = 3302};
  savings_meetings(b, members, plan).hold_all();
  return {b.group(), std::nullopt};
}

}  // namespace samaki::ledger::demo
