#pragma once
// Ledger types as JSON at the edge, both ways. Out: amounts as decimal strings in major units next to
// their currency, ids as numbers, absent optionals as null. In: request bodies read strictly (unknown
// fields, wrong types and missing fields are bad_request naming the field) into plain ledger commands.
#include "ledger/groups/group.hpp"
#include "ledger/journal/journal.hpp"
#include "server/json/json_edge.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace samaki::server {

// A date, or null.
boost::json::value date_json(const std::optional<ledger::calendar_date>& date);

boost::json::object group_json(const ledger::group_info& g);
boost::json::object member_json(const ledger::member_info& m);
// {"code","name","name_km","type","currency","balance","member_ledger","closed_on"}; balance in natural sign.
boost::json::object account_json(const ledger::account_info& a, const ledger::money& balance);
// {"id","seq","date","memo","lines":[{"line","account","member_id","debit"|"credit","currency","memo"}],
//  "hash","prev_hash","created_at","created_by","reverses","reversed_by","operation_id","metadata"}
boost::json::object entry_json(const ledger::entry& e);
// {"id","through","kind","closed_at","closed_by","head_seq","closing_entry_id","reopened_at","reopened_by",
//  "reopen_reason","seal":{"head","code","words"}}
boost::json::object period_json(const ledger::period_info& p);

// POST /groups
// {"name","name_km"?,"kind","currency","cash_unit"?,"province"?,"district"?,"commune"?,"village"?}
ledger::result<ledger::new_group> parse_new_group(const json_fields& body);
// POST .../members {"name","name_km"?,"phone"?,"gender"?,"joined_on"?}
ledger::result<ledger::new_member> parse_new_member(const json_fields& body, ledger::group_id group);
// POST .../accounts {"code","name","name_km"?,"type","currency"?,"member_ledger"?}
ledger::result<ledger::new_account> parse_new_account(const json_fields& body, ledger::group_id group);
// POST .../entries {"date","memo"?,"lines":[...],"expect"?:[...]}: each line has exactly one of "debit" and
// "credit" (else bad_request). The idempotency key and author are the caller's to set.
ledger::result<ledger::posting> parse_posting(const json_fields& body, ledger::group_id group);
// POST .../entries/{id}/reverse {"date"?,"memo"?}
ledger::result<ledger::reversal> parse_reversal(const json_fields& body, ledger::group_id group,
                                                ledger::entry_id original);
// POST .../periods {"through","kind"}
ledger::result<ledger::period_close> parse_period_close(const json_fields& body, ledger::group_id group);
// POST .../periods/{id}/reopen {"reason"}
ledger::result<ledger::period_reopening> parse_period_reopening(const json_fields& body,
                                                                ledger::group_id group,
                                                                ledger::period_id period);
// POST .../accounts/{code}/close {"closed_on"?}: today when left out.
ledger::result<ledger::account_closing> parse_account_closing(const json_fields& body, ledger::group_id group,
                                                              std::string code);

}  // namespace samaki::server
