#pragma once
// Every subcommand of `samaki` with its help, for main to dispatch and for `samaki COMMAND --help`.
#include "server/cli/cli.hpp"

#include <iosfwd>
#include <span>
#include <string_view>

namespace samaki::server {

struct subcommand {
  std::string_view name;
  std::string_view usage;    // the synopsis, after "samaki "
  std::string_view summary;  // one line, for the list of commands
  std::string_view help;     // what it does and its own options, for --help
  int (*run)(cli_args);
};

std::span<const subcommand> subcommands();
const subcommand* find_subcommand(std::string_view name);

// `samaki --help`: every command in a line.
void print_usage(std::ostream& out);
// `samaki COMMAND --help`: the synopsis, what it does, its options and the options every command takes.
void print_help(std::ostream& out, const subcommand& command);

}  // namespace samaki::server
