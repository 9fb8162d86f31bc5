#pragma once
// The HTTP message types the service speaks: whole requests and responses held in strings.
#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string_view>

namespace samaki::server {

namespace http = boost::beast::http;

using http_request = http::request<http::string_body>;
using http_response = http::response<http::string_body>;

template <class T>
using awaitable = boost::asio::awaitable<T>;

// Beast's string_view as a std::string_view, so callers need not know Beast's type.
inline std::string_view to_std(boost::beast::string_view s) {
  return {s.data(), s.size()};
}

}  // namespace samaki::server
