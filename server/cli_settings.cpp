#include "server/cli_settings.hpp"

#include <vector>

namespace samaki::server {

cli_invocation parse_cli(cli_args args, std::initializer_list<std::string_view> own_flags,
                         std::initializer_list<std::string_view> switches) {
  std::vector<std::string_view> switch_list(switches);
  auto flags = command_line::parse(args, switch_list);
  std::vector<std::string_view> known = settings_flag_names();
  known.insert(known.end(), own_flags.begin(), own_flags.end());
  known.insert(known.end(), switches.begin(), switches.end());
  flags.require_known(known);
  auto config = load_settings(flags, process_environment());
  return {std::move(flags), std::move(config)};
}

}  // namespace samaki::server
