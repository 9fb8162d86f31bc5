#pragma once
// Request ids: 16 random hex characters, echoed as X-Request-Id and written in the access log.
#include <string>

namespace samaki::server {

std::string make_request_id();

}  // namespace samaki::server
