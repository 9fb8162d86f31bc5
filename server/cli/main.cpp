// samaki: one binary, one subcommand per job (server/cli/commands.cpp lists them; each is a file there).
#include "server/cli/commands.hpp"
#include "server/command_line.hpp"
#include "server/config.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace samaki::server;

int run(const subcommand& command, cli_args args) {
  const std::string name(command.name);
  const auto see_help = [&] { std::cerr << "see 'samaki " << name << " --help'\n"; };
  try {
    return command.run(args);
  } catch (const help_requested&) {
    print_help(std::cout, command);
    return 0;
  } catch (const unknown_option& e) {
    std::cerr << "samaki: " << e.what() << " for '" << name << "'\n";
    see_help();
    return 2;
  } catch (const usage_error& e) {
    std::cerr << "samaki " << name << ": " << e.what() << "\n";
    see_help();
    return 2;
  } catch (const config_error& e) {
    std::cerr << "samaki " << name << ": configuration: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "samaki " << name << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_usage(std::cerr);
    return 2;
  }
  const std::string& first = args[0];
  if (first == "--help" || first == "-h" || first == "help") {
    if (first == "help" && args.size() > 1) {
      if (const auto* command = find_subcommand(args[1])) {
        print_help(std::cout, *command);
        return 0;
      }
      std::cerr << "samaki: unknown command '" << args[1] << "'\n";
      print_usage(std::cerr);
      return 2;
    }
    print_usage(std::cout);
    return 0;
  }
  if (const auto* command = find_subcommand(first)) return run(*command, cli_args(args).subspan(1));
  std::cerr << "samaki: " << (first.starts_with("-") ? "unknown option " : "unknown command ") << "'" << first
            << "'\n";
  print_usage(std::cerr);
  return 2;
}
