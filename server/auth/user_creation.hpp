#pragma once
// Creating a user, the same way from the API and from `samaki user add`: the password is hashed first,
// off the writer, I/O and database threads (Argon2id is slow on purpose); then one piece of writer work
// creates the user and appends its "user.create" audit record, so both commit or neither does.
#include "ledger/access/users.hpp"
#include "ledger/error.hpp"

#include <functional>
#include <string>

namespace samaki::ledger {
class write_context;
}

namespace samaki::server {

struct hashed_user {
  ledger::new_user user;
  std::string password_hash;
};

// Slow: run it on a hash thread (on_hash_pool) or in a command-line tool.
hashed_user hash_new_user(ledger::new_user user);

// The writer work; `audit` names who asked and from where, the work adds the target and detail.
std::function<ledger::result<ledger::user_info>(ledger::write_context&)> create_user_work(
    hashed_user user, ledger::audit_record audit);

}  // namespace samaki::server
