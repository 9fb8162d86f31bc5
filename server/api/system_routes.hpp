#pragma once
// Routes every deployment has, with no sign-in: GET /healthz and GET /metrics.
namespace samaki::server {

struct service;

void add_system_routes(service& service);

}  // namespace samaki::server
