#include "tests/api/route_table.hpp"

#include "server/api/api_routes.hpp"
#include "server/api/system_routes.hpp"
#include "server/service.hpp"

namespace samaki::api_test {

std::vector<std::pair<std::string, std::string>> route_table() {
  server::settings config;
  config.db_threads = 1;
  server::service service(config);
  server::add_system_routes(service);
  server::add_api_routes(service);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : service.routes.routes())
    out.emplace_back(std::string(server::to_std(server::http::to_string(r.method))), r.pattern.label());
  return out;
}

}  // namespace samaki::api_test
