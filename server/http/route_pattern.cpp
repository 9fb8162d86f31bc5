#include "server/http/route_pattern.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace samaki::server {

std::optional<std::int64_t> parse_id(std::string_view text) {
  if (text.empty() || text.front() == '0') return std::nullopt;
  if (!std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

route_pattern::route_pattern(std::string_view pattern) {
  const std::string whole(pattern);
  if (!pattern.starts_with('/')) throw std::invalid_argument("route pattern must start with '/': " + whole);
  std::string_view rest = pattern.substr(1);
  while (true) {
    const auto slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    if (part.empty() && !(slash == std::string_view::npos && segments_.empty())) {
      throw std::invalid_argument("empty segment in route pattern " + whole);
    }
    segment seg;
    if (part.starts_with('{') && part.ends_with('}')) {
      std::string_view inner = part.substr(1, part.size() - 2);
      seg.is_id = !inner.ends_with(":text");
      if (!seg.is_id) inner.remove_suffix(5);
      seg.param = std::string(inner);
      if (seg.param.empty() || has_param(seg.param)) {
        throw std::invalid_argument("empty or repeated parameter in route pattern " + whole);
      }
      label_ += "/{" + seg.param + "}";
    } else {
      seg.literal = std::string(part);
      label_ += "/" + seg.literal;
    }
    if (!part.empty()) segments_.push_back(std::move(seg));
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
  }
  if (segments_.empty()) label_.push_back('/');
}

bool route_pattern::has_param(std::string_view name) const {
  return std::ranges::any_of(segments_, [&](const segment& s) { return s.param == name; });
}

std::optional<path_params> route_pattern::match(std::span<const std::string> segments) const {
  if (segments.size() != segments_.size()) return std::nullopt;
  path_params params;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const segment& expected = segments_[i];
    const std::string& actual = segments[i];
    if (expected.param.empty()) {
      if (actual != expected.literal) return std::nullopt;
      continue;
    }
    if (actual.empty()) return std::nullopt;
    std::optional<std::int64_t> id;
    if (expected.is_id) {
      id = parse_id(actual);
      if (!id) return std::nullopt;
    }
    params.add({expected.param, actual, id});
  }
  return params;
}

}  // namespace samaki::server
