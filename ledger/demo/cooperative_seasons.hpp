#pragma once
// A rice cooperative's seasons, as its treasurer records them: the founding (by-laws, share capital and
// entry fees, registration), fertiliser bought in bulk and sold to members (a quarter on credit, collected
// after transplanting), loans repaid on their due dates, the paddy bought from members after the harvest
// and sold on to a mill in riel and a border trader in dollars, and the general assembly that closes the
// year and pays the dividends and patronage refunds. Events are planned, then recorded in date order by
// run(). The demonstration cooperative and the scale generator (bench/scale) both tell theirs with it.
#include "ledger/demo/book.hpp"
#include "ledger/demo/people.hpp"
#include "ledger/demo/timeline.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace samaki::ledger::demo {

class cooperative_seasons {
 public:
  // Repayments due after `last_day` are left open (no date may be after today).
  cooperative_seasons(book& b, std::vector<member_id> members, std::uint32_t seed, calendar_date last_day);

  // By-laws on `founded`; two thirds of the members buy share capital and pay the entry fee that day, the
  // rest a fortnight later; registration costs four weeks after.
  void founding(calendar_date founded);
  // Fertiliser bought in bulk and sold to members at planting: every member in the founding year, 40, 50
  // or 60 kg each, then 50 kg to the first fifty; a quarter of them on credit, collected three months later.
  void inputs(int year, calendar_date bought, const char* item, std::int64_t cost_per_kg,
              std::int64_t price_per_kg);
  // Loans at 1.5 % a month on the declining balance, repaid in six monthly instalments on their due dates.
  void loans(calendar_date on, std::vector<std::size_t> borrowers, std::int64_t amount, const char* purpose);
  // Members bring their paddy over ten days (paid for on credit); 85 % goes to the mill in riel, the rest to
  // a border trader in dollars, changed at the bank; then every member is paid.
  void paddy_harvest(int year, calendar_date first, std::int64_t price, calendar_date sold,
                     std::int64_t mill_price);
  // The year's transport and allowances on `costs_on`, the year end at the general assembly, and the
  // dividends and patronage refunds paid a fortnight later.
  void general_assembly(int year, calendar_date costs_on, calendar_date assembly,
                        const char* dividend_percent);
  // Records every planned event in date order (those of a day in the order they were planned).
  void run() { events_.run(); }

 private:
  void when(calendar_date on, std::function<void()> event) { events_.on(on, std::move(event)); }
  std::int64_t quantity(int year, std::size_t i) const;

  book& b_;
  std::vector<member_id> members_;
  dice dice_;
  calendar_date last_day_;
  int founding_year_ = 0;
  timeline events_;
};

}  // namespace samaki::ledger::demo
