#include "ledger/money.hpp"
#include "ledger/reports/hledger.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/read_session.hpp"
#include "server/api/csv.hpp"
#include "server/cli/settings.hpp"

#include <iostream>

namespace samaki::server {
namespace {

// One row per line of every entry, oldest first: what a spreadsheet needs to rebuild any report.
void write_csv(ledger::sqlite::connection& db, ledger::group_id group, std::ostream& out) {
  csv_writer csv;
  csv.row({"seq", "date", "memo", "account", "member_id", "currency", "debit", "credit", "line_memo",
           "reverses", "created_by", "created_at", "hash"});
  ledger::entry_filter filter;
  filter.group = group;
  filter.limit = 1000;
  for (;;) {
    auto entries = ledger::list_entries(db, filter);
    for (const auto& e : entries) {
      for (const auto& l : e.lines) {
        auto amount = l.amount.amount_text();
        bool debit = l.side == ledger::side::debit;
        csv.row({std::to_string(e.seq), e.date.to_string(), e.memo, l.account,
                 l.member ? std::to_string(l.member->value) : "", std::string(l.amount.currency_code()),
                 debit ? amount : "", debit ? "" : amount, l.memo,
                 e.reverses ? std::to_string(e.reverses->value) : "", e.created_by, e.created_at, e.hash});
      }
    }
    out << csv.take();
    if (entries.size() < filter.limit) break;
    filter.after_seq = entries.back().seq;
  }
}

}  // namespace

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
    write_csv(reads->db(), *group, std::cout);
  return 0;
}

}  // namespace samaki::server
