#pragma once
// Demonstration data that looks like the real thing: three savings groups at three moments of a cycle (one
// shared out, one half-way with a loan long in arrears, one just formed), the rice cooperative of Svay
// Rieng with its year 2025 closed and appropriated, and the cashew committee of Kamen village with two
// harvests shared out by work days; all recorded through the operations (ledger/demo/), and one login per
// role. Loaded by `samaki demo` and `samaki serve --demo` into an empty database only. The same on every
// run: the same entries, hashes and seals.
#include "ledger/store/store.hpp"

#include <functional>
#include <string>
#include <string_view>
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

// Told after each step: what was just done, and how many of how many steps are done.
using demo_progress = std::function<void(std::string_view step, int done, int total)>;

// Blocks until every piece is committed. Throws std::runtime_error if a step is refused.
demo_result load_demo(store& s, const demo_progress& progress = {});

}  // namespace samaki::ledger
