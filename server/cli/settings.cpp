#include "server/cli/settings.hpp"

#include <filesystem>
#include <stdexcept>
#include <vector>

namespace samaki::server {

std::unique_ptr<ledger::read_session> open_for_reading(const settings& config) {
  if (!std::filesystem::exists(config.db_path)) throw std::runtime_error("no database at " + config.db_path);
  return std::make_unique<ledger::read_session>(config.db_path);
}

std::optional<ledger::group_id> group_flag(const command_line& flags) {
  auto text = flags.value("group");
  if (!text) return std::nullopt;
  try {
    std::size_t used = 0;
    auto id = std::stoll(*text, &used);
    if (used == text->size() && id > 0) return ledger::group_id{id};
  } catch (const std::exception&) {
  }
  throw usage_error("--group takes a group id");
}

cli_invocation parse_cli(cli_args args, std::initializer_list<std::string_view> own_flags,
                         std::initializer_list<std::string_view> switches) {
  std::vector<std::string_view> value_flags = settings_flag_names();
  value_flags.insert(value_flags.end(), own_flags.begin(), own_flags.end());
  auto flags = command_line::parse_known(args, value_flags, std::vector<std::string_view>(switches));
  auto config = load_settings(flags, process_environment());
  return {std::move(flags), std::move(config)};
}

}  // namespace samaki::server
