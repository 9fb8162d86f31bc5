// samaki: one binary, one subcommand per job. The work is in server/cli_*.cpp.
#include "server/cli/cli.hpp"
#include "server/command_line.hpp"
#include "server/config.hpp"

#include <array>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace samaki::server;

struct subcommand {
  std::string_view name;
  std::string_view usage;
  int (*run)(cli_args);
};

constexpr std::array<subcommand, 7> subcommands = {{
    {"serve", "serve [--bind ADDR] [--port N] [--demo]   serve the API and the web UI", run_serve},
    {"user", "user add --username U --role ROLE [--group ID]... [--member ID]   (password on stdin)",
     run_user},
    {"verify", "verify [--group ID]   check every hash chain and running balance", run_verify},
    {"backup", "backup OUT   a consistent copy, also while serving", run_backup},
    {"restore", "restore IN   into an empty database path", run_restore},
    {"export", "export --group ID --format hledger|csv   to standard output", run_export},
    {"demo", "demo   load the demonstration groups and users", run_demo},
}};

void print_usage(std::ostream& out) {
  out << "usage: samaki COMMAND [flags]\n\ncommands:\n";
  for (const auto& c : subcommands) out << "  " << c.usage << "\n";
  out << "\nevery command takes --db PATH and --config FILE (default " << default_config_path
      << ");\nsettings also come from SAMAKI_* variables; flags beat variables, variables beat the file.\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    print_usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  for (const auto& c : subcommands) {
    if (c.name != args[0]) continue;
    try {
      return c.run(cli_args(args).subspan(1));
    } catch (const usage_error& e) {
      std::cerr << "samaki " << c.name << ": " << e.what() << "\n";
      return 2;
    } catch (const config_error& e) {
      std::cerr << "samaki " << c.name << ": configuration: " << e.what() << "\n";
      return 2;
    } catch (const std::exception& e) {
      std::cerr << "samaki " << c.name << ": " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << "samaki: unknown command \"" << args[0] << "\"\n";
  print_usage(std::cerr);
  return 2;
}
