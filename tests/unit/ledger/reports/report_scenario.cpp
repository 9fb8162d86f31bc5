#include "tests/unit/ledger/reports/report_scenario.hpp"

#include "ledger/groups/registry.hpp"

namespace samaki::test {

using namespace samaki::ledger;

savings_year post_savings_year(ledger_fixture& f) {
  auto g = f.savings.id;
  auto sok = f.savers[0], dara = f.savers[1], chenda = f.savers[2];
  savings_year y;
  y.shares = f.must_post(make_posting(g, "2025-01-10",
                                      {debit("1010", "30000"), credit("3010", "20000", sok),
                                       credit("3010", "10000", dara)},
                                      "shares", "Shares"))
                 .entry.id;
  y.social_fund = f.must_post(make_posting(g, "2025-01-10", {debit("1020", "3000"), credit("3030", "3000")},
                                           "social", "Social fund"))
                      .entry.id;
  y.loan = f.must_post(make_posting(g, "2025-02-05", {debit("1100", "15000", dara), credit("1010", "15000")},
                                    "loan", "Loan to Dara"))
               .entry.id;
  y.repayment = f.must_post(make_posting(g, "2025-03-05",
                                         {debit("1010", "5600"), credit("1100", "5000", dara),
                                          credit("4010", "600", dara)},
                                         "repay", "Repayment"))
                    .entry.id;
  y.fine = f.must_post(make_posting(g, "2025-03-05", {debit("1010", "500"), credit("4020", "500", chenda)},
                                    "fine", "Fine"))
               .entry.id;
  y.stationery = f.must_post(make_posting(g, "2025-04-01", {debit("5010", "1200"), credit("1010", "1200")},
                                          "stationery", "Stationery"))
                     .entry.id;
  return y;
}

period_info close_year(ledger_fixture& f, group_id group, const std::string& through) {
  period_close p{group, day(through), period_kind::year, "tester"};
  auto closed = run<period_info>(*f.db, [p](write_context& ctx) { return close_period(ctx, p); });
  REQUIRE(closed.has_value());
  return *closed;
}

}  // namespace samaki::test
