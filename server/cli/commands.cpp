#include "server/cli/commands.hpp"

#include "server/config.hpp"

#include <array>
#include <ostream>

namespace samaki::server {
namespace {

constexpr std::array<subcommand, 7> table = {{
    {"serve", "serve [--bind ADDR] [--port N] [--demo] [--SETTING VALUE]...", "serve the API and the web UI",
     "Migrates the database, then serves the API and the web UI. The first line it logs names the URL.\n"
     "SIGTERM or SIGINT finish the requests in flight and every queued write, then exit 0.\n"
     "\n"
     "options:\n"
     "  --bind ADDR       the address to listen on (default 127.0.0.1)\n"
     "  --port N          the port; 0 picks a free one (default 8080)\n"
     "  --demo            first load the demonstration data into a database without groups, and print\n"
     "                    the logins\n"
     "  --SETTING VALUE   any setting of config/README.md, '_' or '-' alike: --db-threads 4,\n"
     "                    --web-root web, --log-level debug, ...\n",
     run_serve},
    {"user", "user add --username U --role admin|staff|treasurer|member [--group ID]... [--member ID]",
     "make a user (the password on standard input)",
     "Makes a user and prints its id. The password is the first line of standard input; at a terminal it\n"
     "is asked for and not shown. This is how the first admin is made.\n"
     "\n"
     "options:\n"
     "  --username U          3-64 letters, digits, '.', '_' or '-'\n"
     "  --role ROLE           admin, staff, treasurer or member\n"
     "  --group ID            a group the user may see (staff, treasurer, member); repeat for more\n"
     "  --member ID           the member a member login belongs to\n"
     "  --display-name NAME   the name shown in the web UI\n",
     run_user},
    {"verify", "verify [--group ID]", "check every hash chain and running balance",
     "Recomputes every hash chain and running balance. Exit 0 when all check out; otherwise exit 1,\n"
     "naming the group and its first bad entry.\n"
     "\n"
     "options:\n"
     "  --group ID   only this group\n",
     run_verify},
    {"backup", "backup OUT", "a consistent copy of the database, also while serving",
     "Copies the database into the new file OUT from one snapshot, safe while `samaki serve` runs.\n"
     "It never overwrites a file.\n",
     run_backup},
    {"restore", "restore IN", "check a backup and copy it into an empty --db path",
     "Checks the backup IN (SQLite's integrity check, every hash chain and running balance) and copies it\n"
     "to the --db path, which must not exist yet or be empty. Refuses a live database.\n",
     run_restore},
    {"export", "export --group ID [--format hledger|csv]", "a group's journal on standard output",
     "Writes a group's journal to standard output, as an hledger journal (the default) or as CSV.\n"
     "\n"
     "options:\n"
     "  --group ID                the group (required)\n"
     "  --format hledger|csv      the format (default hledger)\n",
     run_export},
    {"demo", "demo", "load the demonstration groups and users",
     "Loads the demonstration groups and users into a database without groups and prints the logins:\n"
     "three savings groups, a rice cooperative and a cashew committee, recorded through the\n"
     "operations; the same on every run.\n",
     run_demo},
}};

}  // namespace

std::span<const subcommand> subcommands() {
  return table;
}

const subcommand* find_subcommand(std::string_view name) {
  for (const auto& c : table)
    if (c.name == name) return &c;
  return nullptr;
}

void print_usage(std::ostream& out) {
  out << "usage: samaki COMMAND [options]\n\ncommands:\n";
  for (const auto& c : table) {
    std::string name(c.name);
    name.resize(10, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\n'samaki COMMAND --help' tells more. Every command takes --db PATH and --config FILE (default\n"
      << default_config_path
      << "); settings also come from SAMAKI_* variables. Flags beat variables, variables beat the file.\n";
}

void print_help(std::ostream& out, const subcommand& command) {
  out << "usage: samaki " << command.usage << " [--db PATH] [--config FILE]\n\n" << command.help;
  out << "\nevery command takes:\n"
      << "  --db PATH       the database (default data/samaki.db)\n"
      << "  --config FILE   the settings file (default " << default_config_path << ")\n"
      << "  -h, --help      this help\n"
      << "Settings also come from SAMAKI_* variables (SAMAKI_PORT=9000); flags beat variables, variables\n"
      << "beat the file.\n";
}

}  // namespace samaki::server
