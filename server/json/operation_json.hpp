#pragma once
// Operations at the JSON edge. In: a request body read against its type's field specs (types, required
// and unknown fields checked, errors naming the field path) into a ledger::operation_request. Out: the
// recorded operation with its entries and what its type reports, and the operation types a group accepts
// with their fields, labels and accounts (the UI builds its forms from them).
#include "ledger/groups/group.hpp"
#include "ledger/operations/operation.hpp"
#include "server/json/json_edge.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace samaki::server {

// A request body read against field specs (the cycles' settings, an operation's fields): types, required
// and unknown fields checked, errors naming the field's path. `also_allowed` names fields read elsewhere.
ledger::result<ledger::field_map> parse_fields(const boost::json::object& body,
                                               const std::vector<ledger::field_spec>& specs,
                                               std::initializer_list<std::string_view> also_allowed = {});

// POST .../operations {"type","date","memo"?, ...the type's fields}, read by the fields of the type that a
// group of `kind` records under that name. Idempotency key and author are the caller's to set.
ledger::result<ledger::operation_request> parse_operation_request(const boost::json::object& body,
                                                                  ledger::group_id group,
                                                                  ledger::group_kind kind);
// POST .../operations/{id}/reverse {"date"?, "reason"}
ledger::result<ledger::operation_reversal> parse_operation_reversal(const boost::json::object& body,
                                                                    ledger::group_id group,
                                                                    ledger::operation_id original);

// {"id","type","date","memo","entries":[...],"created_by","created_at","reverses","reversed_by","reason",
//  "request":{...}} plus the type's outcome fields at the top level (e.g. "loans", "cash").
boost::json::object operation_json(const ledger::operation_record& record, const ledger::field_map& outcome);
// A recorded operation as GET .../operations/{id} shows it: the answer first given, with what may have
// changed since (reversed_by, the entries' reversals) read again.
boost::json::object stored_operation_json(const ledger::operation_record& record);

boost::json::value field_value_json(const ledger::field_value& value);
// {"type","label","label_km","fields":[{"name","type","required","label","label_km",...}],"accounts":[...]}
boost::json::object operation_type_json(const ledger::operation_type& type);

}  // namespace samaki::server
