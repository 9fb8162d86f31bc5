#pragma once
// The ledger's routes without sockets: the store fixture's three groups behind a service with the ledger
// routes, and callers signed in by fixed tokens (a stand-in authenticator), so handlers are tested
// through the whole request pipeline.
#include "server/http/http_types.hpp"
#include "server/service.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <boost/json/value.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samaki::test {

class fixed_callers;

struct routes_fixture : ledger_fixture {
  routes_fixture();
  ~routes_fixture();

  // Tokens of the prepared callers: "admin"; "treasurer", "staff" and "member" (savers[0]) of the savings
  // group; "coop-treasurer" of the cooperative.
  void add_caller(std::string token, server::principal who);

  struct reply {
    server::http::status status;
    boost::json::value json;  // null when the body is not JSON
    std::string body;
    std::string content_type;
    std::string code() const;  // the error code, or ""
  };
  reply call(server::http::verb method, std::string_view target, std::string_view token,
             std::string_view body = {}, std::vector<std::pair<std::string, std::string>> headers = {});
  reply get(std::string_view target, std::string_view token) {
    return call(server::http::verb::get, target, token);
  }
  reply post(std::string_view target, std::string_view token, const boost::json::value& body,
             std::optional<std::string> idempotency_key = std::nullopt);

  // /api/v1/groups/<id> + rest
  static std::string group_path(ledger::group_id group, std::string_view rest = {});

  std::shared_ptr<fixed_callers> callers;
  std::unique_ptr<server::service> service;
};

// A share purchase of `amount` by `member` (Dr 1010 / Cr 3010[m]) as a posting body.
boost::json::value share_purchase(std::string date, std::string amount, ledger::member_id member);

}  // namespace samaki::test
