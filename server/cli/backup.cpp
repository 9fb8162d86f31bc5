#include "ledger/store/backup.hpp"
#include "server/cli/progress.hpp"
#include "server/cli/settings.hpp"

#include <iostream>

namespace samaki::server {

// backup OUT: a consistent copy of the database, safe while `samaki serve` runs.
int run_backup(cli_args args) {
  auto [flags, config] = parse_cli(args, {});
  if (flags.positionals().size() != 1) throw usage_error("backup takes one argument: the file to write");
  const auto& out = flags.positionals()[0];
  {
    progress_bar bar("backup");
    ledger::backup_database(config.db_path, out,
                            [&bar](std::int64_t copied, std::int64_t total) { bar.advance(copied, total); });
  }
  std::cout << "backed up " << config.db_path << " to " << out << "\n";
  return 0;
}

}  // namespace samaki::server
