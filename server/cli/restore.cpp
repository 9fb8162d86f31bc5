#include "ledger/store/backup.hpp"
#include "server/cli/settings.hpp"

#include <iostream>

namespace samaki::server {

// restore IN: checks the backup (integrity, chains, balances) and copies it into an empty --db path.
int run_restore(cli_args args) {
  auto [flags, config] = parse_cli(args, {});
  if (flags.positionals().size() != 1) throw usage_error("restore takes one argument: the backup file");
  const auto& in = flags.positionals()[0];
  ledger::restore_database(in, config.db_path);
  std::cout << "restored " << in << " into " << config.db_path << "\n";
  return 0;
}

}  // namespace samaki::server
