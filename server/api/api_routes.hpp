#pragma once
// Every /api/v1 route of the ledger, registered in one place so the route table stays whole.
namespace samaki::server {

struct app;

void add_api_routes(app& service);

}  // namespace samaki::server
