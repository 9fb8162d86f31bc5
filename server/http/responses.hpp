#pragma once
// Building responses: JSON bodies, plain text, and the one error body shape of api.md.
#include "ledger/error.hpp"
#include "server/http/api_error.hpp"
#include "server/http/http_types.hpp"

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samaki::server {

inline constexpr std::string_view json_content_type = "application/json; charset=utf-8";

http_response json_response(http::status status, const boost::json::value& body);
http_response text_response(http::status status, std::string body, std::string_view content_type);
// 200 with `Content-Disposition: attachment; filename="<file_name>"`, so a browser saves it under that
// name. `file_name` must be plain ASCII without quotes or backslashes (see download_name).
http_response download_response(std::string body, std::string_view content_type, std::string_view file_name);

// {"error": {"code": code, "message": message, "details": {...}}}
http_response error_response(http::status status, std::string_view code, std::string_view message,
                             const error_details& details = {});

// An error as its status and error body (a ledger error converts to an api_error by its class).
http_response error_response(const api_error& error);

}  // namespace samaki::server
