#pragma once
// Every /api/v1 route of the ledger, registered in one place so the route table stays whole.
namespace samaki::server {

struct service;

void add_api_routes(service& service);

}  // namespace samaki::server
