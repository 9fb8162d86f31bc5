#include "tests/unit/server/test_support.hpp"

#include <boost/json/parse.hpp>

namespace samaki::server {

http_request make_request(http::verb method, std::string_view target, std::string_view body,
                          std::string_view content_type) {
  http_request request{method, target, 11};
  request.set(http::field::host, "127.0.0.1");
  if (!body.empty()) {
    request.set(http::field::content_type, content_type);
    request.body() = std::string(body);
    request.prepare_payload();
  }
  return request;
}

boost::json::value json_body(const http_response& response) {
  return boost::json::parse(response.body());
}

}  // namespace samaki::server
