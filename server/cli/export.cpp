#include "ledger/reports/hledger.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/read_session.hpp"
#include "server/api/journal_csv.hpp"
#include "server/cli/settings.hpp"

#include <iostream>

namespace samaki::server {

// export --group ID --format hledger|csv: the group's journal on standard output.
int run_export(cli_args args) {
  auto [flags, config] = parse_cli(args, {"group", "format"});
  if (!flags.positionals().empty()) throw usage_error("export takes no arguments");
  auto group = group_flag(flags);
  if (!group) throw usage_error("--group ID is required");
  auto format = flags.value("format").value_or("hledger");
  if (format != "hledger" && format != "csv") throw usage_error("--format is hledger or csv");
  auto reads = open_for_reading(config);
  ledger::sqlite::read_snapshot snapshot(reads->db());
  if (ledger::list_groups(reads->db(), std::vector{*group}).empty())
    throw std::runtime_error("no group " + std::to_string(group->value));
  if (format == "hledger")
    std::cout << ledger::hledger_journal(reads->db(), *group);
  else
    write_journal_csv(reads->db(), *group, [](const std::string& page) { std::cout << page; });
  return 0;
}

}  // namespace samaki::server
