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

http_response error_response(http::status status, std::string_view code, std::string_view message,
                             const error_details& details) {
  boost::json::object detail_object;
  for (const auto& [key, value] : details) detail_object[key] = value;
  return json_response(status,
                       {{"error", {{"code", code}, {"message", message}, {"details", detail_object}}}});
}

http_response error_response(const ledger::error& error) {
  return error_response(status_for(error.code), ledger::code_name(error.code), error.message, error.details);
}

}  // namespace samaki::server
