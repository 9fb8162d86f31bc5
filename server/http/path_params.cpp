#include "server/http/path_params.hpp"

#include <algorithm>
#include <stdexcept>

namespace samaki::server {

const path_params::param* path_params::find(std::string_view name) const {
  const auto it = std::ranges::find(params_, name, &param::name);
  return it == params_.end() ? nullptr : &*it;
}

std::optional<std::int64_t> path_params::find_id(std::string_view name) const {
  const param* p = find(name);
  return p == nullptr ? std::nullopt : p->id;
}

std::int64_t path_params::raw_id(std::string_view name) const {
  const param* p = find(name);
  if (p == nullptr || !p->id) throw std::logic_error("route has no id parameter {" + std::string(name) + "}");
  return *p->id;
}

const std::string& path_params::text(std::string_view name) const {
  const param* p = find(name);
  if (p == nullptr) throw std::logic_error("route has no parameter {" + std::string(name) + "}");
  return p->text;
}

}  // namespace samaki::server
