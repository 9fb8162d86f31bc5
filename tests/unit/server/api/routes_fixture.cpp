#include "tests/unit/server/api/routes_fixture.hpp"

#include "server/api/ledger_routes.hpp"
#include "server/auth/authenticator.hpp"
#include "server/http/request_context.hpp"
#include "server/http/request_pipeline.hpp"
#include "tests/unit/server/test_support.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <map>

namespace samaki::test {

using server::user_role;
using server::http::verb;

// Each bearer token names a prepared principal.
class fixed_callers final : public server::authenticator {
 public:
  std::map<std::string, server::principal, std::less<>> by_token;

  server::awaitable<server::api_result<server::principal>> authenticate(
      server::request_context& ctx) override {
    const std::string_view header = ctx.header(server::http::field::authorization);
    const auto it = header.starts_with("Bearer ") ? by_token.find(header.substr(7)) : by_token.end();
    if (it == by_token.end()) co_return server::api_error::unauthenticated("unknown token");
    co_return it->second;
  }
};

namespace {

server::principal make_principal(std::int64_t id, std::string name, user_role role,
                                 std::vector<ledger::group_id> groups = {},
                                 std::optional<ledger::member_id> member = {}) {
  return {.user = ledger::user_id(id),
          .username = std::move(name),
          .role = role,
          .groups = std::move(groups),
          .member = member};
}

server::settings one_thread() {
  server::settings config;
  config.db_threads = 1;
  return config;
}

}  // namespace

routes_fixture::routes_fixture()
    : callers(std::make_shared<fixed_callers>()),
      service(std::make_unique<server::service>(one_thread(), server::read_sessions_on(path))) {
  service->store = db.get();
  service->auth = callers;
  server::add_ledger_routes(*service);
  add_caller("admin", make_principal(1, "ada", user_role::admin));
  add_caller("treasurer", make_principal(2, "tola", user_role::treasurer, {savings.id}));
  add_caller("staff", make_principal(3, "sok", user_role::staff, {savings.id}));
  add_caller("member", make_principal(4, "mealea", user_role::member, {savings.id}, savers[0]));
  add_caller("coop-treasurer", make_principal(5, "dara", user_role::treasurer, {coop.id}));
}

routes_fixture::~routes_fixture() = default;

void routes_fixture::add_caller(std::string token, server::principal who) {
  callers->by_token.insert_or_assign(std::move(token), std::move(who));
}

std::string routes_fixture::reply::code() const {
  if (!json.is_object() || !json.as_object().contains("error")) return {};
  return std::string(json.at("error").at("code").as_string());
}

routes_fixture::reply routes_fixture::call(verb method, std::string_view target, std::string_view token,
                                           std::string_view body,
                                           std::vector<std::pair<std::string, std::string>> headers) {
  auto request = server::make_request(method, target, body);
  if (!token.empty()) request.set(server::http::field::authorization, "Bearer " + std::string(token));
  for (const auto& [name, value] : headers) request.set(name, value);
  const auto response = server::handle_request_now(*service, std::move(request));
  reply out{response.result(), nullptr, response.body(),
            std::string(server::to_std(response[server::http::field::content_type]))};
  boost::system::error_code ec;
  out.json = boost::json::parse(out.body, ec);
  if (ec) out.json = nullptr;
  return out;
}

routes_fixture::reply routes_fixture::post(std::string_view target, std::string_view token,
                                           const boost::json::value& body,
                                           std::optional<std::string> idempotency_key) {
  std::vector<std::pair<std::string, std::string>> headers;
  if (idempotency_key) headers.emplace_back("Idempotency-Key", *idempotency_key);
  return call(verb::post, target, token, boost::json::serialize(body), std::move(headers));
}

std::string routes_fixture::group_path(ledger::group_id group, std::string_view rest) {
  return "/api/v1/groups/" + std::to_string(group.value) + std::string(rest);
}

boost::json::value share_purchase(std::string date, std::string amount, ledger::member_id member) {
  return {{"date", std::move(date)},
          {"memo", "shares"},
          {"lines",
           {{{"account", "1010"}, {"debit", amount}},
            {{"account", "3010"}, {"member_id", member.value}, {"credit", amount}}}}};
}

}  // namespace samaki::test
