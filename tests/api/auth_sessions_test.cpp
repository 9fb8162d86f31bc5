// Sessions against a real server: a user lists and ends their own, an admin ends all of a user's, the
// ended ones stop working at once (though the server had them cached), and each end is audited.
#include "tests/api/auth_test_support.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace samaki::api_test;

namespace {

const std::string root_password = "mekong-river-4909";
const std::string clerk_password = "kampot-pepper-22";

}  // namespace

TEST_CASE("a user lists their sessions by an id that is not the token, and ends one",
          "[api][auth][sessions]") {
  test_server server;
  add_user(server, "root", "admin", root_password);
  auto laptop = signed_in(server, "root", root_password);
  auto phone = server.client();
  const auto phone_login = login(phone, "root", root_password);
  const std::string phone_token(phone_login.json.at("token").as_string());
  phone.use_token(phone_token);
  REQUIRE(phone.get("/api/v1/me").status == 200);  // the server now keeps this session cached

  const auto listed = laptop.get("/api/v1/me/sessions");
  REQUIRE(listed.status == 200);
  const auto& items = listed.json.at("items").as_array();
  REQUIRE(items.size() == 2);
  CHECK(listed.json.at("next_cursor").is_null());
  CHECK_THAT(listed.raw.body, !Catch::Contains(phone_token));
  std::string phone_id;
  for (const auto& item : items) {
    const std::string id(item.at("id").as_string());
    CHECK(std::regex_match(id, std::regex("[0-9a-f]{32}")));
    CHECK(item.at("expires_at").is_string());
    CHECK(item.at("created_at").is_string());
    if (!item.at("current").as_bool()) phone_id = id;
  }
  REQUIRE_FALSE(phone_id.empty());

  const auto ended = laptop.send("DELETE", "/api/v1/me/sessions/" + phone_id);
  CHECK(ended.status == 204);
  CHECK_FALSE(ended.raw.has_header("Set-Cookie"));  // not the session in use
  CHECK(phone.get("/api/v1/me").status == 401);
  CHECK(laptop.get("/api/v1/me").status == 200);
  CHECK(laptop.get("/api/v1/me/sessions").json.at("items").as_array().size() == 1);
  const auto again = laptop.send("DELETE", "/api/v1/me/sessions/" + phone_id);
  CHECK(again.status == 404);
  CHECK(again.error_code() == "not_found");

  // Ending the session in use signs out, cookie and all.
  const std::string laptop_id(laptop.get("/api/v1/me/sessions").json.at("items").at(0).at("id").as_string());
  const auto out = laptop.send("DELETE", "/api/v1/me/sessions/" + laptop_id);
  CHECK(out.status == 204);
  CHECK_THAT(out.header("Set-Cookie"), Catch::StartsWith("samaki_session=;"));
  CHECK(laptop.get("/api/v1/me").status == 401);

  const auto records = audit_log(server, "session.end");
  REQUIRE(records.size() == 2);
  CHECK(records[0].username == "root");
  CHECK(records[0].target == "session " + phone_id);
  CHECK(records[0].address == "127.0.0.1");
}

TEST_CASE("nobody ends another user's session by its id", "[api][auth][sessions]") {
  test_server server;
  add_user(server, "root", "admin", root_password);
  add_user(server, "clerk", "staff", clerk_password);
  auto root = signed_in(server, "root", root_password);
  auto clerk = signed_in(server, "clerk", clerk_password);
  const std::string root_id(root.get("/api/v1/me/sessions").json.at("items").at(0).at("id").as_string());
  const auto refused = clerk.send("DELETE", "/api/v1/me/sessions/" + root_id);
  CHECK(refused.status == 404);
  CHECK(root.get("/api/v1/me").status == 200);
  CHECK(audit_log(server, "session.end").empty());
}

TEST_CASE("an admin ends every session of a user at once, and only admins may", "[api][auth][sessions]") {
  test_server server;
  add_user(server, "root", "admin", root_password);
  const auto clerk_id = add_user(server, "clerk", "staff", clerk_password);
  auto root = signed_in(server, "root", root_password);
  auto clerk_desk = signed_in(server, "clerk", clerk_password);
  auto clerk_phone = signed_in(server, "clerk", clerk_password);
  REQUIRE(clerk_desk.get("/api/v1/me").status == 200);
  REQUIRE(clerk_phone.get("/api/v1/me").status == 200);

  const std::string target = "/api/v1/users/" + std::to_string(clerk_id) + "/sessions";
  CHECK(clerk_desk.send("DELETE", target).status == 403);
  const auto ended = root.send("DELETE", target);
  REQUIRE(ended.status == 200);
  CHECK(ended.json.at("user_id") == clerk_id);
  CHECK(ended.json.at("ended") == 2);
  // Both stop at once, though the server had both cached.
  CHECK(clerk_desk.get("/api/v1/me").status == 401);
  CHECK(clerk_phone.get("/api/v1/me").status == 401);
  CHECK(root.get("/api/v1/me").status == 200);
  // Signing in again works, and nothing is left to end.
  auto clerk_again = signed_in(server, "clerk", clerk_password);
  CHECK(clerk_again.get("/api/v1/me").status == 200);
  CHECK(root.send("DELETE", "/api/v1/users/999/sessions").status == 404);

  const auto records = audit_log(server, "user.sessions.end");
  REQUIRE(records.size() == 1);
  CHECK(records[0].username == "root");
  CHECK(records[0].target == "user " + std::to_string(clerk_id));
  CHECK(records[0].detail == "2 sessions ended");
}

TEST_CASE("each session says where it was opened and when it was last used", "[api][auth][sessions]") {
  test_server server;
  add_user(server, "root", "admin", root_password);
  auto laptop = signed_in(server, "root", root_password);
  auto phone = server.client();
  // A browser's name as sent, with a character no User-Agent should hold (é, two bytes beyond ASCII).
  const auto phone_login =
      phone.post("/api/v1/auth/login", {{"username", "root"}, {"password", root_password}},
                 {{"User-Agent", "Mozilla/5.0 (Linux; Android 12) Chrome/120 \xc3\xa9"}});
  REQUIRE(phone_login.status == 200);
  phone.use_token(std::string(phone_login.json.at("token").as_string()));

  auto phone_item = [&laptop] {
    const auto listed = laptop.get("/api/v1/me/sessions");
    REQUIRE(listed.status == 200);
    for (const auto& item : listed.json.at("items").as_array()) {
      if (item.at("current").as_bool()) {
        // The list was asked for with this session: it has just been used.
        CHECK(item.at("last_seen_at").is_string());
        continue;
      }
      return item.as_object();
    }
    FAIL("the phone's session is not listed");
    return boost::json::object();
  };
  const auto unused = phone_item();
  CHECK(unused.at("device") == "Mozilla/5.0 (Linux; Android 12) Chrome/120 ??");
  CHECK(unused.at("address") == "127.0.0.1");
  CHECK(unused.at("last_seen_at").is_null());  // signed in, not used since

  REQUIRE(phone.get("/api/v1/me").status == 200);
  const auto used = phone_item();
  REQUIRE(used.at("last_seen_at").is_string());
  CHECK(std::regex_match(std::string(used.at("last_seen_at").as_string()),
                         std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
}
