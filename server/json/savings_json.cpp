#include "server/json/savings_json.hpp"

#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

namespace samaki::server {

boost::json::object cycle_settings_json(const ledger::cycle_settings& s) {
  boost::json::array fines;
  for (const auto& f : s.fines)
    fines.push_back(
        {{"code", f.code}, {"name", f.name}, {"name_km", f.name_km}, {"amount", f.amount.amount_text()}});
  return {{"effective_from", s.effective_from.to_string()},
          {"share_value", s.share_value.amount_text()},
          {"min_shares", s.min_shares},
          {"max_shares", s.max_shares},
          {"loan_multiple", s.loan_multiple},
          {"interest",
           {{"percent_per_month", s.interest.percent_text()},
            {"method", ledger::interest_method_name(s.method)}}},
          {"social_fund_per_meeting", s.social_fund_per_meeting.amount_text()},
          {"cash_unit", s.cash_unit.amount_text()},
          {"meeting_every", ledger::meeting_interval_name(s.meeting_every)},
          {"fines", std::move(fines)}};
}

boost::json::object cycle_json(const ledger::cycle_info& c, ledger::calendar_date today) {
  auto day = c.closed_on ? *c.closed_on : today;
  auto out = cycle_settings_json(c.settings_on(day));
  boost::json::array history;
  for (const auto& s : c.settings) history.push_back(cycle_settings_json(s));
  out["id"] = c.id.value;
  out["group_id"] = c.group.value;
  out["status"] = c.open() ? "open" : "closed";
  out["start"] = c.start.to_string();
  out["closed_on"] = date_json(c.closed_on);
  out["currency"] = c.settings.front().share_value.currency_code();
  out["settings"] = std::move(history);
  out["created_by"] = c.created_by;
  out["created_at"] = c.created_at;
  return out;
}

boost::json::object loan_json(const ledger::loan_record& l, const ledger::loan_position& p) {
  boost::json::value next_due = nullptr;
  if (p.next_due)
    next_due = {{"date", p.next_due->date.to_string()}, {"amount", p.next_due->amount.amount_text()}};
  return {{"id", l.id.value},
          {"member_id", l.member.value},
          {"cycle_id", l.cycle ? boost::json::value(l.cycle->value) : nullptr},
          {"operation_id", l.operation.value},
          {"principal", l.terms.principal.amount_text()},
          {"currency", l.terms.principal.currency_code()},
          {"disbursed_on", l.terms.disbursed_on.to_string()},
          {"months", l.terms.months},
          {"interest",
           {{"percent_per_month", l.terms.rate.percent_text()},
            {"method", ledger::interest_method_name(l.terms.method)}}},
          {"purpose", l.purpose},
          {"outstanding", p.outstanding.amount_text()},
          {"interest_due", p.interest_due.amount_text()},
          {"principal_paid", p.principal_paid.amount_text()},
          {"interest_paid", p.interest_paid.amount_text()},
          {"written_off", p.written_off.amount_text()},
          {"next_due", std::move(next_due)},
          {"days_in_arrears", p.days_in_arrears},
          {"status", ledger::loan_status_name(p.status)}};
}

boost::json::object loan_detail_json(const ledger::loan_record& l, const ledger::loan_position& p,
                                     ledger::calendar_date as_of) {
  auto out = loan_json(l, p);
  // Each instalment is marked paid once what was paid by the day covers it and every one before it.
  auto paid = p.principal_paid.minor() + p.interest_paid.minor();
  std::int64_t cumulative = 0;
  boost::json::array schedule;
  for (const auto& i : ledger::loan_schedule(l.terms)) {
    cumulative += i.principal.minor() + i.interest.minor();
    schedule.push_back({{"number", i.number},
                        {"due", i.due.to_string()},
                        {"principal", i.principal.amount_text()},
                        {"interest", i.interest.amount_text()},
                        {"paid", paid >= cumulative}});
  }
  boost::json::array payments;
  for (const auto& pay : l.payments) {
    if (pay.date > as_of) continue;
    payments.push_back({{"date", pay.date.to_string()},
                        {"interest", pay.interest.amount_text()},
                        {"principal", pay.principal.amount_text()},
                        {"kind", ledger::payment_kind_name(pay.kind)},
                        {"operation_id", pay.operation.value}});
  }
  out["schedule"] = std::move(schedule);
  out["payments"] = std::move(payments);
  out["as_of"] = as_of.to_string();
  return out;
}

std::vector<std::pair<std::string, boost::json::value>> cycle_summary_figures(
    const ledger::cycle_summary& s) {
  std::vector<std::pair<std::string, boost::json::value>> out;
  auto add = [&](std::string key, const auto& value) {
    out.emplace_back(std::move(key), boost::json::value_from(value));
  };
  add("members_registered", s.members_registered);
  add("women", s.women);
  add("members_joined", s.joined);
  add("members_left", s.left);
  add("meetings_held", s.meetings_held);
  add("attendance_rate", s.attendance_rate);
  add("savings", s.savings.amount_text());
  add("loans_outstanding_number", s.loans_outstanding_number);
  add("loans_outstanding_value", s.loans_outstanding_value.amount_text());
  add("late_loan_balance", s.late_loan_balance.amount_text());
  add("par30", s.par30);
  add("write_offs", s.write_offs.amount_text());
  add("loan_fund_cash", s.loan_fund_cash.amount_text());
  add("social_fund_cash", s.social_fund_cash.amount_text());
  add("bank", s.bank.amount_text());
  add("loan_fund_use", s.loan_fund_use);
  add("fines", s.fines.amount_text());
  add("interest_earned", s.interest_earned.amount_text());
  add("other_income", s.other_income.amount_text());
  add("expenses", s.expenses.amount_text());
  add("net_income", s.net_income.amount_text());
  add("return_on_savings", s.return_on_savings);
  add("annualised_return_on_assets", s.annualised_return_on_assets);
  add("social_fund_in", s.social_fund_in.amount_text());
  add("social_fund_out", s.social_fund_out.amount_text());
  add("social_fund_held", s.social_fund_held.amount_text());
  add("projected_share_out", s.projected_share_out.amount_text());
  return out;
}

std::vector<std::string> cycle_summary_figure_names() {
  // The names of an empty summary's figures: amounts need a currency to be written at all.
  const auto zero = ledger::money::zero(ledger::iso_currency::of_stored("KHR"));
  ledger::cycle_summary s;
  for (auto* m :
       {&s.savings, &s.loans_outstanding_value, &s.late_loan_balance, &s.write_offs, &s.loan_fund_cash,
        &s.social_fund_cash, &s.bank, &s.fines, &s.interest_earned, &s.other_income, &s.expenses,
        &s.net_income, &s.social_fund_in, &s.social_fund_out, &s.social_fund_held, &s.projected_share_out})
    *m = zero;
  std::vector<std::string> names;
  for (auto& [key, value] : cycle_summary_figures(s)) names.push_back(key);
  return names;
}

}  // namespace samaki::server
