#include "server/json/savings_json.hpp"

#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

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

}  // namespace samaki::server
