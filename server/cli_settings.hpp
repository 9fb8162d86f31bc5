#pragma once
// What every subcommand but serve does first: parse its flags (plus every settings flag such as --db and
// --config), refuse unknown ones, and load the layered settings.
#include "server/cli.hpp"
#include "server/command_line.hpp"
#include "server/config.hpp"

#include <initializer_list>
#include <string_view>

namespace samaki::server {

struct cli_invocation {
  command_line flags;
  settings config;
};

// `own_flags` are the subcommand's flags that take values; `switches` those that take none.
cli_invocation parse_cli(cli_args args, std::initializer_list<std::string_view> own_flags,
                         std::initializer_list<std::string_view> switches = {});

}  // namespace samaki::server
