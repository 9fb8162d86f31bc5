#include "bench/scale/province.hpp"

#include "ledger/demo/book.hpp"
#include "ledger/demo/committee_seasons.hpp"
#include "ledger/demo/cooperative_seasons.hpp"
#include "ledger/demo/people.hpp"
#include "ledger/demo/savings_meetings.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>
#include <deque>
#include <future>
#include <stdexcept>

namespace samaki::bench {
namespace {

using namespace samaki::ledger;
using demo::day;

constexpr int meetings_a_cycle = 26;  // a year of fortnightly meetings
constexpr int days_between = 14;

const char* const provinces[] = {"Takeo", "Kampong Speu", "Kampot", "Prey Veng", "Svay Rieng", "Siem Reap"};

// A group's history as one piece of writer work: all of it commits, or none.
std::future<result<made_group>> submit_story(store& s, std::function<made_group(write_context&)> story) {
  return s.submit<made_group>([story = std::move(story)](write_context& ctx) -> result<made_group> {
    try {
      return story(ctx);
    } catch (const error_exception& e) {
      return e.err;
    }
  });
}

made_group must(result<made_group> r, const std::string& what) {
  if (!r) throw std::runtime_error(what + ": " + r.error().message);
  return *r;
}

std::vector<member_id> join(demo::book& b, int count, int women_percent, std::uint32_t seed,
                            calendar_date on) {
  std::vector<member_id> ids;
  for (const auto& p : demo::villagers(count, women_percent, seed)) ids.push_back(b.join(p, on));
  return ids;
}

made_group savings_story(write_context& ctx, const std::string& name, int members, int complete_cycles,
                         int current_meetings, calendar_date last_day, std::uint32_t seed) {
  // A cycle: its meetings, the share-out a fortnight after the last, the next cycle from the day after.
  const int cycle_days = meetings_a_cycle * days_between + 1;
  const auto first =
      last_day.plus_days(-complete_cycles * cycle_days - days_between * (current_meetings - 1));
  demo::book b(ctx,
               new_group{name, "", group_kind::savings_group, "KHR", std::nullopt,
                         provinces[seed % std::size(provinces)], "", "", ""},
               first.plus_days(-14), "treasurer");
  auto ids = join(b, members, 80, seed, first.plus_days(-14));
  demo::dice dice(seed + 1);
  for (int c = 0; c <= complete_cycles; ++c) {
    const bool complete = c < complete_cycles;
    const int held = complete ? meetings_a_cycle : current_meetings;
    if (held == 0) break;
    demo::cycle_plan plan;
    plan.start = first.plus_days(cycle_days * c);
    plan.every_days = days_between;
    plan.meetings = held;
    plan.lend_from = 1;
    plan.lend_until = std::max(1, held - 5);
    // About one cycle in three, a member stops repaying after the first instalment: arrears.
    if (dice.chance(35)) plan.defaulter = static_cast<std::size_t>(dice.below(members));
    if (held > 10 && dice.chance(40))
      plan.grants.push_back({dice.between(8, held - 2), static_cast<std::size_t>(dice.below(members)),
                             20000 + 10000 * dice.below(4), "Illness in the family"});
    plan.last_before_share_out = complete;
    plan.seed = seed * 31 + static_cast<std::uint32_t>(c);
    b.record("cycle_start", plan.start, demo::cycle_settings("2weeks"), "Cycle " + std::to_string(c + 1));
    demo::savings_meetings meetings_held(b, ids, plan);
    meetings_held.hold_all();
    if (complete) b.record("share_out", meetings_held.meeting_day(held), {}, "Share-out");
  }
  return {b.group(), group_kind::savings_group, members};
}

made_group cooperative_story(write_context& ctx, const std::string& name, int members, calendar_date founded,
                             calendar_date last_day, std::uint32_t seed) {
  demo::book b(
      ctx, new_group{name, "", group_kind::agri_cooperative, "KHR", std::nullopt, "Svay Rieng", "", "", ""},
      founded, "treasurer");
  auto ids = join(b, members, 45, seed, founded);
  demo::dice dice(seed + 1);
  demo::cooperative_seasons coop(b, ids, seed + 2, last_day);
  coop.founding(founded);
  for (int year = founded.year(); year <= last_day.year(); ++year) {
    const auto planting = day(year, 5, 12);
    if (planting > founded.plus_days(28) && planting.plus_days(14) <= last_day)
      coop.inputs(year, planting, "Urea fertiliser", 2400 + 100 * dice.below(3), 2800 + 100 * dice.below(3));
    const auto lent = day(year, 6, 2);
    if (lent > founded.plus_days(14) && lent <= last_day) {
      std::vector<std::size_t> borrowers;
      for (int k = dice.between(3, 8); k > 0; --k)
        borrowers.push_back(static_cast<std::size_t>(dice.below(members)));
      std::sort(borrowers.begin(), borrowers.end());
      borrowers.erase(std::unique(borrowers.begin(), borrowers.end()), borrowers.end());
      coop.loans(lent, borrowers, 300000 + 100000 * dice.below(4), "Hand tractor repair");
    }
    const auto harvest = day(year, 11, 9);
    if (harvest > founded.plus_days(28) && day(year, 11, 22) <= last_day) {
      coop.paddy_harvest(year, harvest, 1100 + 10 * dice.below(10), day(year, 11, 20),
                         1300 + 10 * dice.below(10));
      if (day(year + 1, 2, 7) <= last_day)
        coop.general_assembly(year, day(year, 12, 20), day(year + 1, 1, 24), "5");
    }
  }
  coop.run();
  return {b.group(), group_kind::agri_cooperative, members};
}

made_group committee_story(write_context& ctx, const std::string& name, int members, calendar_date formed,
                           calendar_date last_day, std::uint32_t seed) {
  demo::book b(ctx,
               new_group{name, "", group_kind::joint_task, "KHR", std::nullopt, "Kampong Thom", "", "", ""},
               formed, "treasurer");
  auto ids = join(b, members, 50, seed, formed);
  demo::dice dice(seed + 1);
  demo::committee_seasons committee(b, ids, seed + 2);
  b.record("grant", formed.plus_days(4), {{"amount", demo::riel(2000000)}}, "Commune development fund");
  b.record("expense", formed.plus_days(14), {{"account", demo::text("5020")}, {"amount", demo::riel(450000)}},
           "Fertiliser for the cashew trees");
  for (int year = formed.year(); year <= last_day.year(); ++year) {
    const demo::harvest_plan h{day(year, 2, 10),
                               day(year, 4, 7),
                               day(year, 4, 21),
                               day(year, 5, 10),
                               2000 + 100 * dice.below(10),
                               5400 + 100 * dice.below(8),
                               1000 + 100 * dice.below(5),
                               "1.45",
                               4080};
    if (h.clearing > formed.plus_days(14) && h.meeting.plus_days(7) <= last_day) committee.harvest(h, year);
  }
  return {b.group(), group_kind::joint_task, members};
}

// Hands the stories to the writer, `in_flight` at a time, and collects what they made in order.
class story_queue {
 public:
  story_queue(store& s, int in_flight, std::int64_t total, const province_progress& progress)
      : store_(s),
        in_flight_(static_cast<std::size_t>(std::max(1, in_flight))),
        total_(total),
        progress_(progress) {}

  void add(std::string what, std::function<made_group(write_context&)> story) {
    pending_.emplace_back(std::move(what), submit_story(store_, std::move(story)));
    while (pending_.size() >= in_flight_) take_one();
  }

  std::vector<made_group> finish() {
    while (!pending_.empty()) take_one();
    return std::move(made_);
  }

 private:
  void take_one() {
    auto& [what, future] = pending_.front();
    made_.push_back(must(future.get(), what));
    pending_.pop_front();
    if (progress_) progress_(static_cast<std::int64_t>(made_.size()), total_);
  }

  store& store_;
  std::size_t in_flight_;
  std::int64_t total_;
  const province_progress& progress_;
  std::deque<std::pair<std::string, std::future<result<made_group>>>> pending_;
  std::vector<made_group> made_;
};

}  // namespace

std::vector<made_group> make_province(store& s, const province_plan& plan,
                                      const province_progress& progress) {
  if (plan.savings_groups < 0 || plan.cooperatives < 0 || plan.committees < 0 || plan.years < 1 ||
      (plan.savings_groups > 0 && plan.members < plan.savings_groups * 2))
    throw std::invalid_argument("a province needs a year or more and at least two members a savings group");
  const std::int64_t total = plan.savings_groups + plan.cooperatives + plan.committees;
  story_queue queue(s, plan.in_flight, total, progress);
  const auto last = plan.last_day;
  for (int g = 0; g < plan.savings_groups; ++g) {
    // The members shared out evenly, the remainder one each to the first groups.
    const int members = plan.members / plan.savings_groups + (g < plan.members % plan.savings_groups ? 1 : 0);
    const auto seed = plan.seed * 100003 + static_cast<std::uint32_t>(g);
    // Groups stand at different points of their current cycle.
    const int current = 4 + static_cast<int>(seed % 20);
    const auto name = "Savings group " + std::to_string(g + 1);
    queue.add(name, [=](write_context& ctx) {
      return savings_story(ctx, name, members, plan.years - 1, current, last, seed);
    });
  }
  const auto founded = day(last.year() - plan.years + 1, 1, 6);
  for (int c = 0; c < plan.cooperatives; ++c) {
    const auto name = "Rice cooperative " + std::to_string(c + 1);
    const auto seed = plan.seed * 200003 + static_cast<std::uint32_t>(c);
    queue.add(name, [=](write_context& ctx) {
      return cooperative_story(ctx, name, plan.cooperative_members, founded, last, seed);
    });
  }
  for (int c = 0; c < plan.committees; ++c) {
    const auto name = "Cashew committee " + std::to_string(c + 1);
    const auto seed = plan.seed * 300007 + static_cast<std::uint32_t>(c);
    queue.add(name, [=](write_context& ctx) {
      return committee_story(ctx, name, plan.committee_members, founded, last, seed);
    });
  }
  return queue.finish();
}

made_group make_savings_group(store& s, const std::string& name, int members, int complete_cycles,
                              int current_meetings, calendar_date last_day, std::uint32_t seed) {
  return must(submit_story(s,
                           [=](write_context& ctx) {
                             return savings_story(ctx, name, members, complete_cycles, current_meetings,
                                                  last_day, seed);
                           })
                  .get(),
              name);
}

made_group make_cooperative(store& s, const std::string& name, int members, calendar_date founded,
                            calendar_date last_day, std::uint32_t seed) {
  return must(submit_story(s,
                           [=](write_context& ctx) {
                             return cooperative_story(ctx, name, members, founded, last_day, seed);
                           })
                  .get(),
              name);
}

}  // namespace samaki::bench
