#include "server/http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace samaki::server {
namespace {

// The Allow header: methods in a fixed order, HEAD wherever GET is.
std::string allow_header(std::vector<http::verb> methods) {
  if (std::ranges::find(methods, http::verb::get) != methods.end()) methods.push_back(http::verb::head);
  std::ranges::sort(methods, {}, [](http::verb v) { return http::to_string(v); });
  // std::unique, not std::ranges::unique: clang 14 cannot compile libstdc++ 12's subrange (the fuzz build).
  methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
  std::string allow;
  for (auto m : methods) allow += (allow.empty() ? "" : ", ") + std::string(to_std(http::to_string(m)));
  return allow;
}

}  // namespace

bool is_api_path(std::string_view path) {
  return path == "/api" || path.starts_with("/api/");
}

void router::add(http::verb method, std::string_view pattern, access_policy access, route_handler handler) {
  route_pattern parsed(pattern);
  const std::string where = std::string(to_std(http::to_string(method))) + " " + std::string(pattern);
  if (access.group_scoped && !parsed.has_param(group_param)) {
    throw std::invalid_argument(where + ": a group-scoped route needs {gid}");
  }
  if (access.own_member_only && !parsed.has_param(member_param)) {
    throw std::invalid_argument(where + ": a member-scoped route needs {mid}");
  }
  const bool duplicate = std::ranges::any_of(
      routes_, [&](const route& r) { return r.method == method && r.pattern.label() == parsed.label(); });
  if (duplicate) throw std::invalid_argument(where + ": route added twice");
  routes_.push_back({method, std::move(parsed), access, std::move(handler)});
}

void router::set_fallback(access_policy access, route_handler handler) {
  fallback_ = std::move(handler);
  fallback_access_ = access;
}

route_match router::find(http::verb method, std::string_view path,
                         std::span<const std::string> segments) const {
  const http::verb wanted = method == http::verb::head ? http::verb::get : method;
  route_match result;
  std::vector<http::verb> allowed;
  for (const route& r : routes_) {
    auto params = r.pattern.match(segments);
    if (!params) continue;
    if (r.method == wanted) {
      result.outcome = match_outcome::found;
      result.handler = &r.handle;
      result.access = &r.access;
      result.label = r.pattern.label();
      result.params = std::move(*params);
      return result;
    }
    allowed.push_back(r.method);
  }
  if (allowed.empty() && fallback_ && !is_api_path(path)) {
    if (wanted == http::verb::get) {
      result.outcome = match_outcome::found;
      result.handler = &*fallback_;
      result.access = &fallback_access_;
      result.label = "static";
      return result;
    }
    allowed.push_back(http::verb::get);
  }
  if (!allowed.empty()) {
    result.outcome = match_outcome::method_not_allowed;
    result.allow = allow_header(std::move(allowed));
  }
  return result;
}

}  // namespace samaki::server
