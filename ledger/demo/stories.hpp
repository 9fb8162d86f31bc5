#pragma once
// The demonstration groups, one story each, told through the operations a treasurer records (meetings,
// loans, share-out, by-laws, trade, year end, harvest sales, allocation): never raw postings. Each runs as
// one piece of writer work and gives back the group and the member whose login the demo prints.
//
// The calendar is fixed, not relative to today: every run, on any day, writes the same entries, hashes and
// seals. The last recorded day is 25 November 2026, before any day the demo runs on (a date may not be
// more than a day ahead, nor a period closed after today). The cost: the groups age, so a year from now
// the mid-cycle group has simply not met for a year; moving the calendar is a change of dates here.
#include "ledger/ids.hpp"

#include <optional>

namespace samaki::ledger {
class write_context;
}

namespace samaki::ledger::demo {

struct story {
  group_id group;
  std::optional<member_id> featured;  // the member who gets a login, if any
};

// Savings groups (savings_groups.cpp).
story savings_group_shared_out(write_context& ctx);  // Siem Reap: a finished cycle and its share-out
story savings_group_mid_cycle(write_context& ctx);   // Takeo: half-way, one loan long in arrears
story savings_group_new(write_context& ctx);         // Kampot: formed this month, first meetings

// The rice cooperative of Svay Rieng: 60 members, the year 2025 closed and appropriated, 2026 open.
story rice_cooperative(write_context& ctx);

// The cashew committee of Kamen village: two harvests, each shared out by the days people worked.
story cashew_committee(write_context& ctx);

}  // namespace samaki::ledger::demo
