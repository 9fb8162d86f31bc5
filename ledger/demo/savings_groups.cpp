// Three savings groups at three moments of a cycle. Each meeting is one `meeting` operation: every member's
// attendance, shares and social fund, a fine now and then, the repayments falling due, and new loans within
// the loan multiple and the cash in the box.
#include "ledger/demo/book.hpp"
#include "ledger/demo/people.hpp"
#include "ledger/demo/savings_meetings.hpp"
#include "ledger/demo/stories.hpp"

namespace samaki::ledger::demo {
namespace {

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
