#pragma once
// Headers every response carries, whatever produced it.
#include "server/http/http_types.hpp"

namespace samaki::server {

// nosniff, no referrer, no framing, a same-origin Content-Security-Policy; API responses
// (`is_api`) are also never cached, since they carry financial data.
void add_security_headers(http_response& response, bool is_api);

}  // namespace samaki::server
