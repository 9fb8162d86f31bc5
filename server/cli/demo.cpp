#include "ledger/demo.hpp"
#include "server/cli/progress.hpp"
#include "server/cli/settings.hpp"
#include "server/ledger_runtime.hpp"

#include <iostream>

namespace samaki::server {

// demo: loads the demonstration groups and users into an empty database and prints their logins.
int run_demo(cli_args args) {
  auto [flags, config] = parse_cli(args, {});
  if (!flags.positionals().empty()) throw usage_error("demo takes no arguments");
  ledger::store store(store_options_from(config));
  auto demo = load_demo_showing_progress(store);
  if (!demo.loaded) {
    std::cout << "the database at " << config.db_path << " already has groups; nothing added\n";
    return 0;
  }
  std::cout << "demonstration data loaded into " << config.db_path << "\nlogins:\n";
  for (const auto& login : demo.logins)
    std::cout << "  " << login.username << " / " << login.password << "  (" << login.role << ": "
              << login.note << ")\n";
  return 0;
}

}  // namespace samaki::server
