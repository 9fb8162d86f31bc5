#pragma once
// Savings groups at the JSON edge: cycles with their settings, and loans with where they stand.
#include "ledger/reports/savings/savings_reports.hpp"
#include "ledger/savings/cycle.hpp"
#include "ledger/savings/loans.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <utility>
#include <vector>

namespace samaki::server {

// {"share_value","min_shares","max_shares","loan_multiple","interest":{"percent_per_month","method"},
//  "social_fund_per_meeting","cash_unit","meeting_every","fines":[{"code","name","name_km","amount"}],"effective_from"}
boost::json::object cycle_settings_json(const ledger::cycle_settings& s);
// {"id","status","start","closed_on",...the settings in force today (or on the close),"currency",
//  "settings":[every dated change],"created_by","created_at"}
boost::json::object cycle_json(const ledger::cycle_info& c, ledger::calendar_date today);
// {"id","member_id","principal","disbursed_on","months","interest":{...},"outstanding","interest_due",
//  "principal_paid","interest_paid","written_off","next_due":{"date","amount"}|null,"days_in_arrears","status",
//  "currency","cycle_id","purpose"}
boost::json::object loan_json(const ledger::loan_record& l, const ledger::loan_position& p);
// The same with "schedule":[{"number","due","principal","interest","paid"}] and "payments":[...].
boost::json::object loan_detail_json(const ledger::loan_record& l, const ledger::loan_position& p,
                                     ledger::calendar_date as_of);

// The cycle summary's figures (operations.md, SAVIX style), in the order a programme reports them: the
// cycle-summary report's keys and its CSV's rows, and the columns of the staff's CSV of many groups.
std::vector<std::pair<std::string, boost::json::value>> cycle_summary_figures(const ledger::cycle_summary& s);
// Their names alone, in the same order.
std::vector<std::string> cycle_summary_figure_names();

}  // namespace samaki::server
