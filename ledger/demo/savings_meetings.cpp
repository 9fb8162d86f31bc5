#include "ledger/demo/savings_meetings.hpp"

#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>
#include <map>

namespace samaki::ledger::demo {

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

namespace {

std::string riel_text(const money& m) {
  return m.amount_text();
}

}  // namespace

savings_meetings::savings_meetings(book& b, std::vector<member_id> members, cycle_plan plan)
    : book_(b), members_(std::move(members)), plan_(std::move(plan)), dice_(plan_.seed) {
  for (std::size_t i = 0; i < members_.size(); ++i) usual_shares_.push_back(dice_.between(1, 5));
  for (const auto& p : plan_.planned) usual_shares_[p.member] = 5;  // borrowers who save the most
}

void savings_meetings::hold_all() {
  for (int k = 0; k < plan_.meetings; ++k) hold(k);
}

// Open loans of the group by member, as they stand on the day.
std::map<std::int64_t, std::vector<loan_record>> savings_meetings::open_loans(calendar_date day) {
  std::map<std::int64_t, std::vector<loan_record>> out;
  for (auto& loan : load_loans(book_.ctx().db(), loan_filter{book_.group(), std::nullopt, std::nullopt}))
    if (position_at(loan, day).status == loan_status::open) out[loan.member.value].push_back(loan);
  return out;
}

bool savings_meetings::planned_borrower(std::size_t i) const {
  return std::any_of(plan_.planned.begin(), plan_.planned.end(),
                     [&](const planned_loan& p) { return p.member == i; });
}

void savings_meetings::hold(int k) {
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
std::optional<planned_loan> savings_meetings::new_loan(int k, std::size_t i, int shares_today,
                                                       bool owes_nothing, std::int64_t cash) {
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

}  // namespace samaki::ledger::demo
