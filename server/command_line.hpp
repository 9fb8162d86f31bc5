#pragma once
// The words and --flags given to a subcommand, parsed one way for all of them.
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samaki::server {

// A mistake in how the program was called; main prints it and exits 2.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A flag the command does not have: "unknown option --foo" (main adds "for 'serve'").
struct unknown_option : usage_error {
  using usage_error::usage_error;
};

// `--help` or `-h` was given: main prints the command's help and exits 0.
struct help_requested : std::exception {
  const char* what() const noexcept override { return "help requested"; }
};

class command_line {
 public:
  // `--name value`, `--name=value`, or a bare `--name` when `name` is one of `switches`.
  // Names are compared with '_' read as '-', so `--db_threads` is `--db-threads`. `--` ends flags.
  static command_line parse(std::span<const std::string> args,
                            std::span<const std::string_view> switches = {});
  // A subcommand's arguments, read against the flags it has: `--help` or `-h` anywhere before `--`
  // throws help_requested (whatever else is there); a flag that is neither in `value_flags` nor in
  // `switches` throws unknown_option, before any other mistake is looked for.
  static command_line parse_known(std::span<const std::string> args,
                                  std::span<const std::string_view> value_flags,
                                  std::span<const std::string_view> switches);

  const std::vector<std::string>& positionals() const { return positionals_; }
  bool has(std::string_view name) const;
  // The last value given for a flag, or nothing.
  std::optional<std::string> value(std::string_view name) const;
  // Every value given for a repeatable flag, in order.
  std::vector<std::string> values(std::string_view name) const;
  // Throws usage_error naming the first flag that is not in `known`.
  void require_known(std::span<const std::string_view> known) const;

 private:
  std::vector<std::string> positionals_;
  std::vector<std::pair<std::string, std::string>> flags_;
};

// A flag name in its one spelling: underscores become dashes.
std::string normalize_flag_name(std::string_view name);

}  // namespace samaki::server
