// One mapping from ledger error codes to HTTP statuses (by class), the transport's own errors, and one error
// body shape.
#include "server/http/responses.hpp"
#include "tests/unit/server/test_support.hpp"

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

using namespace samaki::server;
using samaki::ledger::errc;

TEST_CASE("every ledger error code maps to the status api.md gives it, by its class", "[server][errors]") {
  using samaki::ledger::class_of;
  using samaki::ledger::error_class;
  CHECK(status_for(errc::bad_request) == http::status::bad_request);
  CHECK(class_of(errc::bad_request) == error_class::malformed);
  CHECK(status_for(errc::not_found) == http::status::not_found);
  for (auto code :
       {errc::idempotency_conflict, errc::period_closed, errc::conflict, errc::part_of_operation}) {
    INFO(samaki::ledger::code_name(code));
    CHECK(class_of(code) == error_class::state);
    CHECK(status_for(code) == http::status::conflict);
  }
  for (auto code : {errc::unbalanced_entry,
                    errc::invalid_amount,
                    errc::invalid_date,
                    errc::unknown_account,
                    errc::unknown_member,
                    errc::member_required,
                    errc::member_not_allowed,
                    errc::currency_mismatch,
                    errc::insufficient_funds,
                    errc::limit_exceeded,
                    errc::balance_assertion_failed,
                    errc::too_few_lines,
                    errc::date_in_future,
                    errc::reversal_before_original,
                    errc::reversal_of_reversal,
                    errc::account_closed,
                    errc::account_not_empty,
                    errc::shares_out_of_range,
                    errc::loan_limit_exceeded,
                    errc::loan_in_arrears,
                    errc::overpayment,
                    errc::loan_outstanding,
                    errc::cash_mismatch,
                    errc::no_open_cycle,
                    errc::not_a_member,
                    errc::wrong_group_kind}) {
    INFO(samaki::ledger::code_name(code));
    CHECK(class_of(code) == error_class::rule);
    CHECK(status_for(code) == http::status::unprocessable_entity);
  }
  CHECK(status_for(errc::unavailable) == http::status::service_unavailable);
  CHECK(status_for(errc::internal) == http::status::internal_server_error);
}

TEST_CASE("the transport's own errors keep api.md's statuses and codes", "[server][errors]") {
  CHECK(api_error::invalid_json("x").status == http::status::bad_request);
  CHECK(api_error::invalid_json("x").code == "invalid_json");
  CHECK(api_error::unsupported_media_type("x").status == http::status::unsupported_media_type);
  CHECK(api_error::unauthenticated("x").status == http::status::unauthorized);
  CHECK(api_error::forbidden("x").status == http::status::forbidden);
  CHECK(api_error::rate_limited("x").status == http::status::too_many_requests);
  const api_error from_ledger = samaki::ledger::error(errc::loan_in_arrears, "late");
  CHECK(from_ledger.status == http::status::unprocessable_entity);
  CHECK(from_ledger.code == "loan_in_arrears");
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
