#pragma once
// Users and the groups they see, as the auth endpoints answer them. A password hash never leaves here.
#include "ledger/access/users.hpp"
#include "ledger/groups/group.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>

namespace samaki::server {

// {"id","username","display_name","role","group_ids","member_id"(null unless a member),"created_at"}
boost::json::object user_json(const ledger::user_info& user);

// {"id","name","kind","currency"}
boost::json::object group_summary_json(const ledger::group_info& group);

// Unix seconds as RFC 3339 UTC, e.g. 2026-11-28T09:15:02Z.
std::string rfc3339_utc(std::int64_t unix_seconds);

}  // namespace samaki::server
