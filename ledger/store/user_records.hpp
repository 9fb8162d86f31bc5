#pragma once
// The SQL of users, sessions and the audit log. The reads and session writes are declared with the rest of
// the access API in ledger/access/users.hpp and defined in user_records.cpp; these two serve create_user.
#include "ledger/access/users.hpp"

namespace samaki::ledger {

// Whether a user of this name exists, ignoring case.
bool username_taken(write_context& ctx, std::string_view username);
user_id insert_user(write_context& ctx, const user_info& u, const std::string& password_hash);

}  // namespace samaki::ledger
