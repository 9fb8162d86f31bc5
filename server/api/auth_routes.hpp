#pragma once
// The sign-in endpoints: login, logout, /me, sessions, and users (admin). Login needs an auth_service
// installed as the service's authenticator (cli_serve does that); without one it answers 503.
namespace samaki::server {

struct service;

void add_auth_routes(service& service);

}  // namespace samaki::server
