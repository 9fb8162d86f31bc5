#include "server/http/request_context.hpp"

#include <boost/url/params_view.hpp>

namespace samaki::server {

std::optional<std::string> request_context::query(std::string_view key) const {
  const auto query_params = target.params();
  const auto it = query_params.find(key);
  if (it == query_params.end()) return std::nullopt;
  return std::string((*it).value);
}

}  // namespace samaki::server
