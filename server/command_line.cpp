#include "server/command_line.hpp"

#include <algorithm>
#include <cctype>

namespace samaki::server {

std::string normalize_flag_name(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

command_line command_line::parse(std::span<const std::string> args,
                                 std::span<const std::string_view> switches) {
  command_line result;
  bool flags_ended = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (flags_ended || arg.size() < 3 || !arg.starts_with("--")) {
      if (arg == "--") {
        flags_ended = true;
        continue;
      }
      result.positionals_.push_back(arg);
      continue;
    }
    std::string_view body = std::string_view(arg).substr(2);
    const auto equals = body.find('=');
    std::string name = normalize_flag_name(body.substr(0, equals));
    const bool is_switch =
        std::ranges::any_of(switches, [&](std::string_view s) { return normalize_flag_name(s) == name; });
    if (equals != std::string_view::npos) {
      if (is_switch) throw usage_error("--" + name + " takes no value");
      result.flags_.emplace_back(std::move(name), std::string(body.substr(equals + 1)));
    } else if (is_switch) {
      result.flags_.emplace_back(std::move(name), "true");
    } else if (i + 1 < args.size()) {
      result.flags_.emplace_back(std::move(name), args[++i]);
    } else {
      throw usage_error("--" + name + " needs a value");
    }
  }
  return result;
}

command_line command_line::parse_known(std::span<const std::string> args,
                                       std::span<const std::string_view> value_flags,
                                       std::span<const std::string_view> switches) {
  const auto among = [](std::span<const std::string_view> names, const std::string& name) {
    return std::ranges::any_of(names, [&](std::string_view n) { return normalize_flag_name(n) == name; });
  };
  for (const auto& arg : args) {
    if (arg == "--") break;
    if (arg == "--help" || arg == "-h") throw help_requested();
  }
  for (std::size_t i = 0; i < args.size() && args[i] != "--"; ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 3 || !arg.starts_with("--")) {
      if (arg.size() > 1 && arg.starts_with("-") && !std::isdigit(static_cast<unsigned char>(arg[1])))
        throw unknown_option("unknown option " + arg);
      continue;
    }
    std::string_view body = std::string_view(arg).substr(2);
    const auto equals = body.find('=');
    const std::string name = normalize_flag_name(body.substr(0, equals));
    if (among(value_flags, name)) {
      if (equals == std::string_view::npos) ++i;  // its value, whatever it looks like
    } else if (!among(switches, name)) {
      throw unknown_option("unknown option --" + name);
    }
  }
  return parse(args, switches);
}

bool command_line::has(std::string_view name) const {
  return value(name).has_value();
}

std::optional<std::string> command_line::value(std::string_view name) const {
  const std::string wanted = normalize_flag_name(name);
  for (auto it = flags_.rbegin(); it != flags_.rend(); ++it) {
    if (it->first == wanted) return it->second;
  }
  return std::nullopt;
}

std::vector<std::string> command_line::values(std::string_view name) const {
  const std::string wanted = normalize_flag_name(name);
  std::vector<std::string> out;
  for (const auto& [flag, value] : flags_) {
    if (flag == wanted) out.push_back(value);
  }
  return out;
}

void command_line::require_known(std::span<const std::string_view> known) const {
  for (const auto& entry : flags_) {
    const auto& flag = entry.first;  // not a structured binding: clang 14 cannot capture one in a lambda
    const bool is_known =
        std::ranges::any_of(known, [&](std::string_view k) { return normalize_flag_name(k) == flag; });
    if (!is_known) throw usage_error("unknown flag --" + flag);
  }
}

}  // namespace samaki::server
