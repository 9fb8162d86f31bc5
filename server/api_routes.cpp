#include "server/api_routes.hpp"

#include "server/app.hpp"
#include "server/auth_routes.hpp"
#include "server/routes_ledger.hpp"

namespace samaki::server {

void add_api_routes(app& service) {
  (void)service;
  add_auth_routes(service);
  add_ledger_routes(service);
}

}  // namespace samaki::server
