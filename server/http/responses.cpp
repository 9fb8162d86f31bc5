#include "server/http/responses.hpp"

#include <boost/json/serialize.hpp>

namespace samaki::server {

http_response json_response(http::status status, const boost::json::value& body) {
  return text_response(status, boost::json::serialize(body), json_content_type);
}

http_response text_response(http::status status, std::string body, std::string_view content_type) {
  http_response res{status, 11};
  res.set(http::field::content_type, content_type);
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

http_response download_response(std::string body, std::string_view content_type, std::string_view file_name) {
  auto res = text_response(http::status::ok, std::move(body), content_type);
  res.set(http::field::content_disposition, "attachment; filename=\"" + std::string(file_name) + "\"");
  return res;
}

namespace {

// Ids are JSON numbers everywhere in the API, error details included ({"member_id": 7}).
boost::json::value detail_json(std::string_view key, const std::string& value) {
  const bool id = key == "id" || (key.size() > 3 && key.substr(key.size() - 3) == "_id");
  const bool digits =
      !value.empty() && value.size() < 19 && value.find_first_not_of("0123456789") == std::string::npos;
  if (id && digits) return std::stoll(value);
  return boost::json::value(value);
}

}  // namespace

http_response error_response(http::status status, std::string_view code, std::string_view message,
                             const error_details& details) {
  boost::json::object detail_object;
  for (const auto& [key, value] : details) detail_object[key] = detail_json(key, value);
  return json_response(status,
                       {{"error", {{"code", code}, {"message", message}, {"details", detail_object}}}});
}

http_response error_response(const api_error& error) {
  return error_response(error.status, error.code, error.message, error.details);
}

}  // namespace samaki::server
