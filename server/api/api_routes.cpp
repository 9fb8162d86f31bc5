#include "server/api/api_routes.hpp"

#include "server/api/auth_routes.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/service.hpp"

namespace samaki::server {

void add_api_routes(service& service) {
  (void)service;
  add_auth_routes(service);
  add_ledger_routes(service);
}

}  // namespace samaki::server
