#pragma once
// Shared by the auth_*.cpp route files; not for other code.
#include "ledger/store/store.hpp"
#include "server/http/http_types.hpp"

namespace samaki::server {

struct service;
struct request_context;

// POST /api/v1/auth/login
awaitable<http_response> login(request_context& ctx);
// A refusal by the full hash pool: 503 with Retry-After, so clients try again in a moment.
http_response busy_response(const ledger::error& refusal);
// POST and GET /api/v1/users
void add_user_routes(service& service);
// GET /api/v1/me/sessions, DELETE /api/v1/me/sessions/{sid}, DELETE /api/v1/users/{uid}/sessions
void add_session_routes(service& service);

// The ledger writer, or an `unavailable` error (thrown, answered as 503) when the service has none.
ledger::store& writer_of(request_context& ctx);

}  // namespace samaki::server
