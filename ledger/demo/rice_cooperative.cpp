// The rice cooperative of Svay Rieng: sixty members buy share capital and pay an entry fee, buy fertiliser
// from the cooperative (some on credit, collected after transplanting), borrow for a tractor or a pump, and
// sell it their paddy after the harvest; the cooperative sells the paddy on to a mill in riel and to a
// border trader in dollars, changes the dollars at the bank, and pays its members. The general assembly of
// January 2026 closes 2025 (the seal) and appropriates the surplus by the by-laws: reserve, education fund,
// a dividend on share capital and patronage refunds by each member's business. 2026 is under way.
#include "ledger/demo/book.hpp"
#include "ledger/demo/people.hpp"
#include "ledger/demo/stories.hpp"
#include "ledger/demo/timeline.hpp"
#include "ledger/savings/loans.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

namespace samaki::ledger::demo {
namespace {

class cooperative {
 public:
  cooperative(book& b, std::vector<member_id> members) : b_(b), members_(std::move(members)), dice_(4401) {}

  void tell() {
    founding();
    inputs(2025, day(2025, 5, 12), "Urea fertiliser", 2400, 2800);
    loans(day(2025, 6, 2), {5, 12, 23, 31, 44, 50}, 500000, "Hand tractor repair");
    paddy_harvest(2025, day(2025, 11, 24), 1150, day(2025, 12, 8), 1320);
    when(day(2025, 12, 20), [this] {
      b_.record("expense", day(2025, 12, 20), {{"account", text("5040")}, {"amount", riel(1800000)}},
                "Transport and storage of the 2025 paddy");
      b_.record("expense", day(2025, 12, 20), {{"account", text("5030")}, {"amount", riel(1200000)}},
                "Committee allowances 2025");
    });
    when(day(2026, 1, 24), [this] {
      b_.record("year_end", day(2026, 1, 24), {{"year", number(2025)}, {"dividend_percent", text("5")}},
                "General assembly: the 2025 accounts and their appropriation");
    });
    when(day(2026, 2, 7), [this] {
      for (auto m : members_)
        for (const char* account : {"2050", "2060"})
          if (b_.balance(account, m) != 0)
            b_.record("pay_member", day(2026, 2, 7), {{"member_id", id_of(m)}, {"account", text(account)}});
    });
    inputs(2026, day(2026, 5, 11), "NPK fertiliser 15-15-15", 2600, 3000);
    loans(day(2026, 6, 1), {3, 17, 38, 56}, 600000, "Water pump");
    paddy_harvest(2026, day(2026, 11, 9), 1200, day(2026, 11, 23), 1350);
    events_.run();
  }

 private:
  void when(calendar_date on, std::function<void()> event) { events_.on(on, std::move(event)); }

  void founding() {
    when(day(2025, 1, 6), [this] {
      b_.record("bylaws", day(2025, 1, 6),
                {{"reserve_percent", text("20")},
                 {"education_percent", text("5")},
                 {"dividend_cap_percent", text("8")},
                 {"patronage_percent", text("50")},
                 {"patronage_cash_percent", text("60")}},
                "By-laws adopted by the founding assembly");
    });
    for (std::size_t i = 0; i < members_.size(); ++i) {
      const auto on = i < 40 ? day(2025, 1, 6) : day(2025, 1, 20);
      when(on, [this, i, on] {
        const auto m = members_[i];
        b_.record("share_capital", on,
                  {{"member_id", id_of(m)},
                   {"amount", riel(i % 3 == 0 ? 200000 : 100000)},
                   {"direction", text("buy")}});
        b_.record("entry_fee", on, {{"member_id", id_of(m)}, {"amount", riel(10000)}});
      });
    }
    when(day(2025, 2, 3), [this] {
      b_.record("expense", day(2025, 2, 3), {{"account", text("5080")}, {"amount", riel(350000)}},
                "Registration with the provincial department, stationery");
    });
  }

  // Fertiliser bought in bulk and sold to members at planting: 40, 50 or 60 kg each, a quarter of them on
  // credit, collected three months later.
  void inputs(int year, calendar_date bought, const char* item, std::int64_t cost_per_kg,
              std::int64_t price_per_kg) {
    const std::size_t buyers = year == 2025 ? members_.size() : 50;
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

  static std::int64_t quantity(int year, std::size_t i) {
    return year == 2025 ? 40 + static_cast<std::int64_t>(i % 3) * 10 : 50;
  }

  // Loans at 1.5 % a month on the declining balance, repaid in six monthly instalments on their due dates
  // (those not yet due stay open).
  void loans(calendar_date on, std::vector<std::size_t> borrowers, std::int64_t amount, const char* purpose) {
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
            if (due.due > last_day) continue;
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

  // Members bring their paddy over a fortnight (paid for on credit), the cooperative sells 85 % to the
  // mill in riel and the rest to a border trader in dollars, changes the dollars, and pays every member.
  void paddy_harvest(int year, calendar_date first, std::int64_t price, calendar_date sold,
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
        b_.record("pay_member", sold.plus_days(2), {{"member_id", id_of(m)}},
                  std::to_string(year) + " paddy");
    });
  }

  static inline const calendar_date last_day = calendar_date::from_ymd(2026, 11, 25);

  book& b_;
  std::vector<member_id> members_;
  dice dice_;
  timeline events_;
};

}  // namespace

story rice_cooperative(write_context& ctx) {
  const auto founded = day(2025, 1, 6);
  book b(ctx,
         new_group{"Svay Chrum Rice Cooperative", "សហគមន៍កសិកម្មស្រូវស្វាយជ្រំ", group_kind::agri_cooperative, "KHR",
                   std::nullopt, "Svay Rieng", "Svay Chrum", "Basak", "Thnal Keng"},
         founded, "treasurer.svayrieng");
  std::vector<member_id> members;
  for (const auto& p : villagers(60, 45, 4400)) members.push_back(b.join(p, founded));
  cooperative(b, std::move(members)).tell();
  return {b.group(), std::nullopt};
}

}  // namespace samaki::ledger::demo
