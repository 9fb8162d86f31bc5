#pragma once
// A route's path with named parameters: /api/v1/groups/{gid}/accounts/{code:text}.
// {name} is an id: a positive integer without sign or leading zero, so "abc" or "0" match nothing
// (and the request answers 404). {name:text} takes any non-empty segment.
#include "server/http/path_params.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::server {

class route_pattern {
 public:
  // Throws std::invalid_argument for a malformed pattern (no leading '/', empty or repeated names).
  explicit route_pattern(std::string_view pattern);

  // The pattern without kind markers, e.g. /api/v1/groups/{gid}/accounts/{code}: the metrics label.
  const std::string& label() const { return label_; }
  bool has_param(std::string_view name) const;

  // The captured parameters when the decoded path segments fit this pattern.
  std::optional<path_params> match(std::span<const std::string> segments) const;

 private:
  struct segment {
    std::string literal;  // empty for a parameter
    std::string param;
    bool is_id = false;
  };
  std::vector<segment> segments_;
  std::string label_;
};

// A positive int64 written canonically (digits only, no leading zero), or nothing.
std::optional<std::int64_t> parse_id(std::string_view text);

}  // namespace samaki::server
