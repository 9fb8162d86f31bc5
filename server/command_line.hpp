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

class command_line {
 public:
  // `--name value`, `--name=value`, or a bare `--name` when `name` is one of `switches`.
  // Names are compared with '_' read as '-', so `--db_threads` is `--db-threads`. `--` ends flags.
  static command_line parse(std::span<const std::string> args,
                            std::span<const std::string_view> switches = {});

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
