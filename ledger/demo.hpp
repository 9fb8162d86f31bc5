#pragma once
// Demonstration data: one small group of each kind with members, a few meetings of postings, and a
// login for each role. Loaded by `samaki demo` and `samaki serve --demo` into an empty database only.
#include "ledger/store/store.hpp"

#include <string>
#include <vector>

namespace samaki::ledger {

struct demo_login {
  std::string username;
  std::string password;
  std::string role;
  std::string note;
};

struct demo_result {
  bool loaded = false;  // false: the database already had groups, nothing was added
  std::vector<demo_login> logins;
};

// Blocks until every piece is committed. Throws std::runtime_error if a step is refused.
demo_result load_demo(store& s);

}  // namespace samaki::ledger
