#pragma once
// What every subcommand but serve does first: parse its flags (plus every settings flag such as --db and
// --config), refuse unknown ones, and load the layered settings.
#include "server/cli/cli.hpp"
#include "server/command_line.hpp"
#include "server/config.hpp"

#include "ledger/ids.hpp"
#include "ledger/store/read_session.hpp"

#include <initializer_list>
#include <memory>
#include <optional>
#include <string_view>

namespace samaki::server {

struct cli_invocation {
  command_line flags;
  settings config;
};

// The value of --group as a group id, if given; usage_error when it is not a number.
std::optional<ledger::group_id> group_flag(const command_line& flags);

// A read session on the configured database; std::runtime_error when there is no database file there
// (opening read-only must not create one).
std::unique_ptr<ledger::read_session> open_for_reading(const settings& config);

// `own_flags` are the subcommand's flags that take values; `switches` those that take none.
cli_invocation parse_cli(cli_args args, std::initializer_list<std::string_view> own_flags,
                         std::initializer_list<std::string_view> switches = {});

}  // namespace samaki::server
