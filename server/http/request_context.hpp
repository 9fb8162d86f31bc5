#pragma once
// Everything a handler knows about the request it answers.
#include "server/auth/access_policy.hpp"
#include "server/http/http_types.hpp"
#include "server/http/path_params.hpp"

#include <boost/url/url_view.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace samaki::server {

struct service;

struct request_context {
  server::service& service;
  http_request& request;
  boost::urls::url_view target;  // the parsed request target; views request.target()
  path_params params;
  std::string client_address;  // the peer, or the client a trusted proxy named (service::clients)
  std::string request_id;
  std::string_view route_label;     // the matched route's pattern, or "static" / "unmatched"
  std::optional<principal> caller;  // set by the authenticator on routes that need sign-in

  // The decoded value of a query parameter (the first, if repeated), or nothing.
  std::optional<std::string> query(std::string_view key) const;
  // A request header, empty when absent.
  std::string_view header(http::field name) const { return to_std(request[name]); }
  std::string_view header(std::string_view name) const { return to_std(request[name]); }
};

}  // namespace samaki::server
