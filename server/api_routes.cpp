#include "server/api_routes.hpp"

#include "server/app.hpp"

namespace samaki::server {

void add_api_routes(app& service) {
  (void)service;
}

}  // namespace samaki::server
