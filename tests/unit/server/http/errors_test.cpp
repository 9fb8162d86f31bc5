// One mapping from ledger error codes to HTTP statuses, and one error body shape.
#include "server/http/responses.hpp"
#include "tests/unit/server/test_support.hpp"

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

using namespace samaki::server;
using samaki::ledger::errc;

TEST_CASE("every ledger error code maps to the status api.md gives it", "[server][errors]") {
  CHECK(status_for(errc::bad_request) == http::status::bad_request);
  CHECK(status_for(errc::invalid_json) == http::status::bad_request);
  CHECK(status_for(errc::unauthenticated) == http::status::unauthorized);
  CHECK(status_for(errc::forbidden) == http::status::forbidden);
  CHECK(status_for(errc::not_found) == http::status::not_found);
  CHECK(status_for(errc::idempotency_conflict) == http::status::conflict);
  CHECK(status_for(errc::period_closed) == http::status::conflict);
  CHECK(status_for(errc::conflict) == http::status::conflict);
  CHECK(status_for(errc::payload_too_large) == http::status::payload_too_large);
  CHECK(status_for(errc::unsupported_media_type) == http::status::unsupported_media_type);
  for (auto code : {errc::unbalanced_entry, errc::invalid_amount, errc::invalid_date, errc::unknown_account,
                    errc::unknown_member, errc::member_required, errc::member_not_allowed,
                    errc::currency_mismatch, errc::insufficient_funds, errc::limit_exceeded,
                    errc::balance_assertion_failed, errc::too_few_lines}) {
    INFO(samaki::ledger::code_name(code));
    CHECK(status_for(code) == http::status::unprocessable_entity);
  }
  CHECK(status_for(errc::rate_limited) == http::status::too_many_requests);
  CHECK(status_for(errc::unavailable) == http::status::service_unavailable);
  CHECK(status_for(errc::internal) == http::status::internal_server_error);
}

TEST_CASE("error bodies have code, message and details", "[server][errors]") {
  const auto res = error_response(samaki::ledger::error(
      errc::unbalanced_entry, "debits 5000 KHR != credits 4000 KHR", {{"currency", "KHR"}}));
  CHECK(res.result() == http::status::unprocessable_entity);
  CHECK(res[http::field::content_type] == "application/json; charset=utf-8");
  CHECK(json_body(res) == boost::json::parse(R"({"error":{"code":"unbalanced_entry",
        "message":"debits 5000 KHR != credits 4000 KHR","details":{"currency":"KHR"}}})"));
  CHECK(json_body(error_response(http::status::not_found, "not_found", "no such group"))
            .at("error")
            .at("details") == boost::json::object());
}
