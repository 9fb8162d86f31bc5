// The JSON edge: strict bodies and field readers whose errors name the field.
#include "server/json/json_edge.hpp"
#include "server/json/strict_json.hpp"
#include "tests/unit/server/test_support.hpp"

#include <catch2/catch.hpp>

using namespace samaki::server;
using samaki::ledger::errc;

namespace {

api_error body_error(std::string_view body, std::string_view content_type = "application/json") {
  auto request = make_request(http::verb::post, "/x", body);
  request.set(http::field::content_type, content_type);  // also for an empty body
  auto parsed = parse_json_body(request);
  REQUIRE_FALSE(parsed.has_value());
  return parsed.error();
}

std::string field_of(const samaki::ledger::error& e) {
  for (const auto& [key, value] : e.details) {
    if (key == "field") return value;
  }
  return {};
}

}  // namespace

TEST_CASE("duplicate keys are refused at any depth", "[server][json]") {
  for (const char* text :
       {R"({"a":1,"a":2})", R"({"a":{"b":1,"b":1}})",
        R"({"lines":[{"debit":"1"},{"debit":"1","debit":"2"}]})", R"([{"x":1,"y":{"z":[{"q":1,"q":1}]}}])",
        R"({"":1,"":2})", R"({"a\u0062":1,"ab":2})"}) {
    INFO(text);
    auto parsed = parse_strict_json(text);
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().code == "invalid_json");
    CHECK(parsed.error().message.find("duplicate key") != std::string::npos);
  }
}

TEST_CASE("the same key in sibling objects is fine", "[server][json]") {
  auto parsed = parse_strict_json(R"({"lines":[{"debit":"1"},{"debit":"2"}],"x":{"debit":"3"},"debit":"4"})");
  REQUIRE(parsed.has_value());
  CHECK(parsed->at("lines").as_array().size() == 2);
}

TEST_CASE("duplicates are found however long the key", "[server][json]") {
  const std::string key(5000, 'k');
  auto parsed = parse_strict_json("{\"" + key + "\":1,\"" + key + "\":2}");
  REQUIRE_FALSE(parsed.has_value());
}

TEST_CASE("bad JSON, bad UTF-8 and trailing data are invalid_json", "[server][json]") {
  for (std::string_view text :
       {std::string_view("{"), std::string_view(""), std::string_view("{\"a\":1} x"),
        std::string_view("{\"a\":\"\xff\"}"), std::string_view("{\"a\":\"\xc3\x28\"}"),
        std::string_view("{\"a\":1,}"), std::string_view("{'a':1}"), std::string_view("{\"a\":1 /* c */}")}) {
    INFO(text);
    CHECK(body_error(text).code == "invalid_json");
  }
  CHECK(parse_strict_json("{\"name_km\":\"\xe1\x9e\x80\"}").has_value());  // Khmer is fine
}

TEST_CASE("the body must be an object of JSON content type", "[server][json]") {
  CHECK(body_error(R"({"a":1})", "text/plain").code == "unsupported_media_type");
  CHECK(body_error(R"({"a":1})", "application/json; charset=latin1").code == "unsupported_media_type");
  CHECK(body_error(R"({"a":1})", "application/jsonp").code == "unsupported_media_type");
  CHECK(body_error("[1,2]").code == "bad_request");
  CHECK(body_error("\"text\"").code == "bad_request");

  CHECK(is_json_content_type("application/json"));
  CHECK(is_json_content_type("Application/JSON; charset=UTF-8"));
  CHECK(is_json_content_type("application/json;charset=\"utf-8\""));
  CHECK_FALSE(is_json_content_type(""));

  auto request = make_request(http::verb::post, "/x", "{}");
  request.erase(http::field::content_type);
  auto parsed = parse_json_body(request);
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().code == "unsupported_media_type");
}

TEST_CASE("field readers name the field and the expected type", "[server][json]") {
  auto parsed = parse_json_body(make_request(http::verb::post, "/x",
                                             R"({"date":"2026-11-28","amount":5000,"member_id":7,"memo":null,
                                                 "big":1.5,"neg":-3,"lines":[{"account":"1010"},{"account":12}],
                                                 "flag":true,"group_ids":[1,2]})"));
  REQUIRE(parsed.has_value());
  const json_fields body(*parsed);

  CHECK(body.required_string("date").value() == "2026-11-28");
  auto amount = body.required_string("amount");
  REQUIRE_FALSE(amount.has_value());
  CHECK(amount.error().code == errc::bad_request);
  CHECK(field_of(amount.error()) == "amount");
  CHECK(amount.error().message == "\"amount\" must be a string");

  CHECK(body.required_int("member_id").value() == 7);
  CHECK(body.required_id("member_id").value() == 7);
  CHECK_FALSE(body.required_id("neg").has_value());
  CHECK_FALSE(body.required_int("big").has_value());
  CHECK_FALSE(body.required_int("date").has_value());
  CHECK(body.optional_string("memo").value() == std::nullopt);
  CHECK(body.optional_string("absent").value() == std::nullopt);
  auto missing = body.required_string("absent");
  REQUIRE_FALSE(missing.has_value());
  CHECK(field_of(missing.error()) == "absent");
  CHECK(body.optional_bool("flag").value() == true);
  CHECK(body.optional_id_array("group_ids").value() == std::vector<std::int64_t>{1, 2});

  auto lines = body.required_object_array("lines");
  REQUIRE(lines.has_value());
  REQUIRE(lines->size() == 2);
  CHECK((*lines)[0].required_string("account").value() == "1010");
  auto wrong = (*lines)[1].required_string("account");
  REQUIRE_FALSE(wrong.has_value());
  CHECK(field_of(wrong.error()) == "lines[1].account");
}

TEST_CASE("unknown fields are refused by name", "[server][json]") {
  auto parsed = parse_strict_json(R"({"account":"1010","debit":"5","colour":"red"})");
  REQUIRE(parsed.has_value());
  const json_fields line(parsed->as_object(), "lines[3]");
  CHECK(line.only({"account", "debit", "credit", "colour"}).has_value());
  auto refused = line.only({"account", "debit", "credit", "member_id", "memo"});
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().code == errc::bad_request);
  CHECK(field_of(refused.error()) == "lines[3].colour");
}
