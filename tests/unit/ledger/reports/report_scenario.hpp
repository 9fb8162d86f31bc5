#pragma once
// A small year of a savings group whose every figure is worked out by hand, for the general reports'
// tests. Amounts in riel; Sok, Dara and Chenda are the fixture's savers 0, 1 and 2.
//
//   2025-01-10  shares        Dr 1010 30000 / Cr 3010[Sok] 20000, Cr 3010[Dara] 10000
//   2025-01-10  social fund   Dr 1020 3000 / Cr 3030 3000
//   2025-02-05  loan to Dara  Dr 1100[Dara] 15000 / Cr 1010 15000
//   2025-03-05  repayment     Dr 1010 5600 / Cr 1100[Dara] 5000, Cr 4010 600 (Dara named)
//   2025-03-05  fine          Dr 1010 500 / Cr 4020 500 (Chenda named)
//   2025-04-01  stationery    Dr 5010 1200 / Cr 1010 1200
//
// At 2025-12-31: 1010 19900, 1020 3000, 1100 10000 (Dara) = assets 32900; 3010 30000 (Sok 20000, Dara
// 10000), 3030 3000, income 1100 less expenses 1200 = result -100: equity 32900.
#include "ledger/groups/group.hpp"
#include "ledger/journal/journal.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <string>

namespace samaki::test {

struct savings_year {
  ledger::entry_id shares, social_fund, loan, repayment, fine, stationery;
};

// Posts the year above into the fixture's savings group.
savings_year post_savings_year(ledger_fixture& f);

// Closes a year of the group through `through` (the closing entry moves income and expenses into 3020).
ledger::period_info close_year(ledger_fixture& f, ledger::group_id group, const std::string& through);

}  // namespace samaki::test
