#pragma once
// A session's public id, for GET /api/v1/me/sessions and DELETE .../sessions/{sid}: it names the
// session without being its token or leading back to it (a hash of the token's hash), and needs no
// column of its own.
#include <string>
#include <string_view>

namespace samaki::server {

// 32 lower-case hex digits made from the session's token hash (the raw 32 bytes the database keeps).
std::string session_id(std::string_view token_hash_bytes);

}  // namespace samaki::server
