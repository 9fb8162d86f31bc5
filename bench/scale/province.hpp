#pragma once
// A province's books made through the operations, for benchmarks at scale: savings groups with years of
// fortnightly meetings (shares, social fund, fines, loans and repayments, a member in arrears now and then,
// grants from the social fund, a share-out and a new cycle each year), rice cooperatives with their seasons
// of inputs, loans, paddy trade and general assemblies, and cashew committees with their harvests shared
// out by days worked. Every group's history is one piece of writer work (the demonstration's stories and
// pen, ledger/demo/), several in flight, so the writer commits them in batches. The calendar is fixed and
// the recording time pinned: the same plan and seed give the same entries, hashes and seals.
#include "ledger/chart.hpp"
#include "ledger/date.hpp"
#include "ledger/ids.hpp"
#include "ledger/store/store.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace samaki::bench {

struct province_plan {
  int savings_groups = 2000;
  int members = 50000;  // over all savings groups, shared out evenly
  int years = 5;        // of history up to `last_day`
  int cooperatives = 4;
  int cooperative_members = 120;
  int committees = 4;
  int committee_members = 18;
  std::uint32_t seed = 1;
  // The last day anything is recorded (fixed, as the demo's, so that runs on different days agree).
  ledger::calendar_date last_day = ledger::calendar_date::from_ymd(2026, 11, 25);
  int in_flight = 8;  // groups handed to the writer at once
};

struct made_group {
  ledger::group_id id;
  ledger::group_kind kind;
  int members = 0;
};

// Told after each group is committed: how many of how many.
using province_progress = std::function<void(std::int64_t done, std::int64_t total)>;

// Throws std::runtime_error naming the group and operation when the rules refuse one.
std::vector<made_group> make_province(ledger::store& store, const province_plan& plan,
                                      const province_progress& progress = {});

// One savings group alone: `complete_cycles` years shared out, then a cycle of `current_meetings`
// fortnightly meetings still open, the last of them on or before `last_day`.
made_group make_savings_group(ledger::store& store, const std::string& name, int members, int complete_cycles,
                              int current_meetings, ledger::calendar_date last_day, std::uint32_t seed);

// One rice cooperative founded on `founded`, with a season a year up to `last_day` and a general assembly
// in January after each.
made_group make_cooperative(ledger::store& store, const std::string& name, int members,
                            ledger::calendar_date founded, ledger::calendar_date last_day,
                            std::uint32_t seed);

}  // namespace samaki::bench
