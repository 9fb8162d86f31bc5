#pragma once
// How a request carries its session: `Authorization: Bearer <token>` or the samaki_session cookie, and
// the cookie's own rules (Set-Cookie attributes, the CSRF header for changes).
#include "server/http/http_types.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace samaki::server {

inline constexpr std::string_view session_cookie_name = "samaki_session";
inline constexpr std::string_view csrf_header_name = "X-CSRF-Token";

enum class credential_source { bearer, cookie };

struct credential {
  std::string token;
  credential_source source = credential_source::bearer;
};

// The bearer token when the Authorization header has one, else the session cookie, else nothing.
std::optional<credential> find_credential(std::string_view authorization, std::string_view cookie_header);
std::optional<credential> find_credential(const http_request& request);

// Methods other than GET, HEAD and OPTIONS: a cookie caller must prove them with the CSRF header,
// since a browser sends the cookie along with requests other sites make it send.
bool changes_state(http::verb method);

// Set-Cookie values: the session for `max_age`, and one that makes the browser drop it. `secure` adds
// the Secure attribute (the `secure_cookie` setting: browsers reach the service through HTTPS).
std::string session_cookie(std::string_view token, std::chrono::seconds max_age, bool secure);
std::string cleared_session_cookie(bool secure);

// Compares secrets in time that does not depend on where they first differ.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace samaki::server
