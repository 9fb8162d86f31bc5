#pragma once
// Routes every deployment has, with no sign-in: GET /healthz and GET /metrics.
namespace samaki::server {

struct app;

void add_system_routes(app& server);

}  // namespace samaki::server
