#include "tests/api/coop_test_support.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>
#include <cctype>

namespace samaki::api_test {

kind_with_treasurer::kind_with_treasurer(std::string_view kind, std::string_view currency)
    : admin(signed_in_as(server, "admin")),
      group(create_group(admin, kind, currency)),
      treasurer(signed_in_as(server, "treasurer", {group})) {}

json_reply record_operation(api_client& client, std::int64_t group, const boost::json::object& body,
                            const std::string& key) {
  return client.post(group_path(group, "/operations"), body, idempotency(key));
}

json_reply must_record(api_client& client, std::int64_t group, const boost::json::object& body) {
  static int count = 0;
  auto reply = record_operation(client, group, body, "must-" + std::to_string(++count));
  INFO(boost::json::serialize(body) << " -> " << reply.raw.body);
  CHECK(reply.status == 201);
  return reply;
}

std::string balance(api_client& client, std::int64_t group, std::string_view code) {
  auto reply = client.get(group_path(group, "/accounts/" + std::string(code)));
  REQUIRE(reply.status == 200);
  return std::string(reply.json.at("balance").as_string());
}

std::string member_balance(api_client& client, std::int64_t group, std::string_view code,
                           std::int64_t member) {
  auto reply = client.get(group_path(group, "/accounts/" + std::string(code)));
  REQUIRE(reply.status == 200);
  for (const auto& row : reply.json.at("member_balances").as_array())
    if (row.at("member_id").as_int64() == member) return std::string(row.at("balance").as_string());
  return "0.00";
}

std::string url_encoded(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace samaki::api_test
