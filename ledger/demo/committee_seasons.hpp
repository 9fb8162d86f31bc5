#pragma once
// A joint-task committee's harvests, as its treasurer records them: labour paid by the day (the days each
// member worked kept on the expense), the crop sold in riel and in dollars (changed at the bank), and the
// village meeting that shares out the net income (a fifth to the village fund, a tenth to reinvest, the
// rest by days worked) and pays everyone. The demonstration committee and the scale generator (bench/scale)
// both tell theirs with it.
#include "ledger/demo/book.hpp"
#include "ledger/demo/people.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace samaki::ledger::demo {

struct harvest_plan {
  calendar_date clearing, sold_in_riel, sold_in_dollars, meeting;
  std::int64_t riel_kg, riel_price;
  std::int64_t dollar_kg;
  const char* dollar_price;
  std::int64_t rate;
};

class committee_seasons {
 public:
  committee_seasons(book& b, std::vector<member_id> members, std::uint32_t seed)
      : b_(b), members_(std::move(members)), dice_(seed) {}

  // Labour on 5010, the wage times the days each member worked (between `least` and `most`).
  void labour(calendar_date on, int least, int most, const std::string& what);
  // One harvest, from clearing to the members paid.
  void harvest(const harvest_plan& h, int year);

 private:
  book& b_;
  std::vector<member_id> members_;
  dice dice_;
};

}  // namespace samaki::ledger::demo
