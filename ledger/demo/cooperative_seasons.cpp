#include "ledger/demo/cooperative_seasons.hpp"

#include "ledger/savings/loans.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>

namespace samaki::ledger::demo {

cooperative_seasons::cooperative_seasons(book& b, std::vector<member_id> members, std::uint32_t seed,
                                         calendar_date last_day)
    : b_(b), members_(std::move(members)), dice_(seed), last_day_(last_day) {}

void cooperative_seasons::founding(calendar_date founded) {
  founding_year_ = founded.year();
  when(founded, [this, founded] {
    b_.record("bylaws", founded,
              {{"reserve_percent", text("20")},
               {"education_percent", text("5")},
               {"dividend_cap_percent", text("8")},
               {"patronage_percent", text("50")},
               {"patronage_cash_percent", text("60")}},
              "By-laws adopted by the founding assembly");
  });
  const std::size_t first_day_members = members_.size() * 2 / 3;
  for (std::size_t i = 0; i < members_.size(); ++i) {
    const auto on = i < first_day_members ? founded : founded.plus_days(14);
    when(on, [this, i, on] {
      const auto m = members_[i];
      b_.record("share_capital", on,
                {{"member_id", id_of(m)},
                 {"amount", riel(i % 3 == 0 ? 200000 : 100000)},
                 {"direction", text("buy")}});
      b_.record("entry_fee", on, {{"member_id", id_of(m)}, {"amount", riel(10000)}});
    });
  }
  const auto registered = founded.plus_days(28);
  when(registered, [this, registered] {
    b_.record("expense", registered, {{"account", text("5080")}, {"amount", riel(350000)}},
              "Registration with the provincial department, stationery");
  });
}

void cooperative_seasons::inputs(int year, calendar_date bought, const char* item, std::int64_t cost_per_kg,
                                 std::int64_t price_per_kg) {
  const std::size_t buyers =
      year == founding_year_ ? members_.size() : std::min<std::size_t>(50, members_.size());
  std::int64_t total_kg = 0;
  for (std::size_t i = 0; i < buyers; ++i) total_kg += quantity(year, i);
  when(bought, [=, this] {
    b_.record("input_purchase", bought,
              {{"supplier", text("Svay Rieng Agro Supply")},
               {"item", text(item)},
               {"quantity", text(std::to_string(total_kg))},
               {"unit", text("kg")},
               {"amount", riel(total_kg * cost_per_kg)}});
  });
  for (std::size_t i = 0; i < buyers; ++i) {
    const auto sold = bought.plus_days(7 + static_cast<int>(i % 2) * 7);
    const auto kg = quantity(year, i);
    const bool on_credit = i % 4 == 1;
    when(sold, [=, this] {
      b_.record("input_sale", sold,
                {{"member_id", id_of(members_[i])},
                 {"item", text(item)},
                 {"quantity", text(std::to_string(kg))},
                 {"unit", text("kg")},
                 {"amount", riel(kg * price_per_kg)},
                 {"cost", riel(kg * cost_per_kg)},
                 {"on_credit", yes(on_credit)}});
    });
    if (on_credit)
      when(sold.plus_days(91), [=, this] {
        b_.record("collect_member", sold.plus_days(91), {{"member_id", id_of(members_[i])}});
      });
  }
}

std::int64_t cooperative_seasons::quantity(int year, std::size_t i) const {
  return year == founding_year_ ? 40 + static_cast<std::int64_t>(i % 3) * 10 : 50;
}

void cooperative_seasons::loans(calendar_date on, std::vector<std::size_t> borrowers, std::int64_t amount,
                                const char* purpose) {
  when(on, [=, this] {
    for (auto i : borrowers) {
      const auto m = members_[i];
      b_.record("member_loan", on,
                {{"member_id", id_of(m)},
                 {"amount", riel(amount)},
                 {"months", number(6)},
                 {"percent_per_month", text("1.5")},
                 {"method", text("declining")},
                 {"purpose", text(purpose)}});
      for (const auto& loan : load_loans(b_.ctx().db(), loan_filter{b_.group(), m, std::nullopt})) {
        if (loan.terms.disbursed_on != on) continue;
        for (const auto& due : loan_schedule(loan.terms)) {
          if (due.due > last_day_) continue;
          const auto owed = due.principal.minor() + due.interest.minor();
          when(due.due, [this, loan_id = loan.id.value, paid_on = due.due, owed] {
            b_.record("loan_repayment", paid_on,
                      {{"loan_id", number(loan_id)}, {"amount", text(decimal(owed))}});
          });
        }
      }
    }
  });
}

void cooperative_seasons::paddy_harvest(int year, calendar_date first, std::int64_t price, calendar_date sold,
                                        std::int64_t mill_price) {
  std::int64_t total_kg = 0;
  for (std::size_t i = 0; i < members_.size(); ++i) {
    const std::int64_t kg = 1000 + 100 * dice_.between(0, 20);
    total_kg += kg;
    const auto on = first.plus_days(static_cast<int>(i % 10));
    when(on, [=, this] {
      b_.record("produce_purchase", on,
                {{"member_id", id_of(members_[i])},
                 {"crop", text("paddy")},
                 {"quantity_kg", text(std::to_string(kg))},
                 {"price_per_kg", riel(price)},
                 {"on_credit", yes(true)}});
    });
  }
  const std::int64_t to_mill = total_kg * 85 / 100;
  when(sold, [=, this] {
    b_.record("produce_sale", sold,
              {{"buyer", text("Svay Rieng rice mill")},
               {"crop", text("paddy")},
               {"quantity_kg", text(std::to_string(to_mill))},
               {"price_per_kg", riel(mill_price)}});
    b_.record("produce_sale", sold.plus_days(1),
              {{"buyer", text("Bavet border trader")},
               {"crop", text("paddy")},
               {"quantity_kg", text(std::to_string(total_kg - to_mill))},
               {"price_per_kg", text("0.33")},
               {"currency", text("USD")},
               {"rate", text("4100")}});
    const auto dollars = b_.balance("1011");
    b_.record("exchange", sold.plus_days(2),
              {{"from", object({{"account", text("1011")}, {"amount", text(decimal(dollars))}})},
               {"to", object({{"account", text("1010")}, {"amount", text(decimal(dollars * 4100))}})}},
              "Dollars changed at the bank");
    for (auto m : members_)
      b_.record("pay_member", sold.plus_days(2), {{"member_id", id_of(m)}}, std::to_string(year) + " paddy");
  });
}

void cooperative_seasons::general_assembly(int year, calendar_date costs_on, calendar_date assembly,
                                           const char* dividend_percent) {
  const auto y = std::to_string(year);
  when(costs_on, [this, costs_on, y] {
    b_.record("expense", costs_on, {{"account", text("5040")}, {"amount", riel(1800000)}},
              "Transport and storage of the " + y + " paddy");
    b_.record("expense", costs_on, {{"account", text("5030")}, {"amount", riel(1200000)}},
              "Committee allowances " + y);
  });
  when(assembly, [this, assembly, year, y, dividend_percent] {
    b_.record("year_end", assembly, {{"year", number(year)}, {"dividend_percent", text(dividend_percent)}},
              "General assembly: the " + y + " accounts and their appropriation");
  });
  const auto payout = assembly.plus_days(14);
  when(payout, [this, payout] {
    for (auto m : members_)
      for (const char* account : {"2050", "2060"})
        if (b_.balance(account, m) != 0)
          b_.record("pay_member", payout, {{"member_id", id_of(m)}, {"account", text(account)}});
  });
}

}  // namespace samaki::ledger::demo
