#pragma once
// JSON parsing that refuses what Boost.JSON would silently accept: duplicate keys, at any depth.
#include "server/http/api_error.hpp"

#include <boost/json/value.hpp>

#include <string_view>

namespace samaki::server {

// One JSON document, strictly: valid UTF-8, no comments, no trailing data, no key twice in an object.
// Failures are invalid_json (400) with a message naming the problem (and the key, for duplicates).
api_result<boost::json::value> parse_strict_json(std::string_view text);

}  // namespace samaki::server
