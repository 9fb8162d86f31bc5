#include "ledger/reports/verify.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/read_session.hpp"
#include "ledger/store/store.hpp"
#include "server/cli/progress.hpp"
#include "server/cli/settings.hpp"

#include <iostream>

namespace samaki::server {

// verify [--group ID]: exit 0 when every chain and running balance checks out, else 1 with the first
// failure of each group on stdout.
int run_verify(cli_args args) {
  auto [flags, config] = parse_cli(args, {"group"});
  if (!flags.positionals().empty()) throw usage_error("verify takes no arguments");
  auto group = group_flag(flags);
  auto reads = open_for_reading(config);
  ledger::sqlite::read_snapshot snapshot(reads->db());
  if (group && ledger::list_groups(reads->db(), std::vector{*group}).empty())
    throw std::runtime_error("no group " + std::to_string(group->value));
  ledger::verify_report report;
  {
    progress_bar bar("verify");
    report = ledger::verify_all(reads->db(), group,
                                [&bar](ledger::group_id g, std::size_t done, std::size_t total) {
                                  bar.step("group " + std::to_string(g.value),
                                           static_cast<std::int64_t>(done), static_cast<std::int64_t>(total));
                                });
  }
  for (const auto& chain : report.chains) {
    if (chain.ok) {
      std::cout << "group " << chain.group.value << ": ok, " << chain.entries << " entries, head "
                << chain.head << "\n";
    } else {
      std::cout << "group " << chain.group.value << ": FAILED at entry " << chain.first_bad_seq.value_or(0)
                << ": " << chain.problem << "\n";
    }
  }
  for (const auto& p : report.balances)
    std::cout << "group " << p.group.value << ": FAILED running balance of account " << p.account
              << (p.member ? " member " + std::to_string(p.member) : std::string()) << ": stored " << p.stored
              << ", lines sum to " << p.recomputed << "\n";
  for (const auto& p : report.kept)
    std::cout << "group " << p.group.value << ": FAILED balance kept at the close through "
              << p.through.to_string() << " of account " << p.account
              << (p.member ? " member " + std::to_string(p.member) : std::string())
              << ": it differs from the lines summed through that day\n";
  std::cout << (report.ok() ? "verify: ok\n" : "verify: FAILED\n");
  return report.ok() ? 0 : 1;
}

}  // namespace samaki::server
