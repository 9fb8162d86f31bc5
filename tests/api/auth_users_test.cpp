// Users: the first admin made with `samaki user add`, more made by admins through the API, and /me.
#include "tests/api/auth_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace samaki::api_test;

namespace {

const std::string root_password = "angkor-wat-1113";

std::vector<std::string> usernames(const json_reply& list) {
  std::vector<std::string> names;
  for (const auto& u : list.json.at("items").as_array()) names.emplace_back(u.at("username").as_string());
  return names;
}

}  // namespace

TEST_CASE("samaki user add makes a user who can sign in, and refuses mistakes", "[api][auth][cli]") {
  test_server server;
  const auto made =
      run_samaki(server, {"user", "add", "--username", "root", "--role", "admin"}, root_password + "\n");
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  CHECK(made.out == "1\n");
  auto client = server.client();
  CHECK(login(client, "root", root_password).status == 200);

  const auto taken =
      run_samaki(server, {"user", "add", "--username", "root", "--role", "admin"}, "whatever-pw\n");
  CHECK(taken.exit_code == 1);
  CHECK_THAT(taken.err, Catch::Contains("taken"));
  const auto no_password =
      run_samaki(server, {"user", "add", "--username", "other", "--role", "admin"}, "\n");
  CHECK(no_password.exit_code == 1);
  CHECK_THAT(no_password.err, Catch::Contains("password"));
  const auto short_password =
      run_samaki(server, {"user", "add", "--username", "other", "--role", "admin"}, "short");
  CHECK(short_password.exit_code == 1);
  const auto no_group =
      run_samaki(server, {"user", "add", "--username", "other", "--role", "treasurer"}, "long-enough\n");
  CHECK(no_group.exit_code == 1);
  CHECK_THAT(no_group.err, Catch::Contains("group_ids"));
  const auto missing_group = run_samaki(
      server, {"user", "add", "--username", "other", "--role", "staff", "--group", "99"}, "long-enough\n");
  CHECK(missing_group.exit_code == 1);

  for (const std::vector<std::string>& usage : std::vector<std::vector<std::string>>{
           {"user"},
           {"user", "remove", "--username", "x", "--role", "admin"},
           {"user", "add", "--role", "admin"},
           {"user", "add", "--username", "x"},
           {"user", "add", "--username", "x", "--role", "boss"},
           {"user", "add", "--username", "x", "--role", "staff", "--group", "one"},
           {"user", "add", "--username", "x", "--role", "admin", "--colour", "red"}}) {
    INFO(usage.back());
    CHECK(run_samaki(server, usage, "long-enough\n").exit_code == 2);
  }
  const auto records = audit_log(server);
  const auto creations =
      std::ranges::count_if(records, [](const auto& r) { return r.action == "user.create"; });
  CHECK(creations == 1);
  CHECK(records.front().username == "cli");
  CHECK(records.front().target == "user 1");
}

TEST_CASE("/me shows the user, the role and the groups they can see", "[api][auth]") {
  test_server server({"--demo"});  // five groups, ids 1 to 5; the first is a savings group
  add_user(server, "root", "admin", root_password);
  add_user(server, "keeper", "treasurer", "keeper-password", {"--group", "1", "--display-name", "Keeper"});

  auto admin = signed_in(server, "root", root_password);
  const auto all = admin.get("/api/v1/me");
  REQUIRE(all.status == 200);
  CHECK(all.json.at("role") == "admin");
  CHECK(all.json.at("groups").as_array().size() == 5);

  auto keeper = signed_in(server, "keeper", "keeper-password");
  const auto own = keeper.get("/api/v1/me");
  REQUIRE(own.status == 200);
  CHECK(own.json.at("role") == "treasurer");
  CHECK(own.json.at("user").at("display_name") == "Keeper");
  CHECK(own.json.at("user").at("group_ids") == boost::json::array{1});
  CHECK(own.json.at("groups") ==
        boost::json::array{boost::json::object{{"id", 1},
                                               {"name", "Trapeang Thom Women's Savings Group"},
                                               {"name_km", "ក្រុមសន្សំប្រាក់ស្ត្រីត្រពាំងធំ"},
                                               {"kind", "savings_group"},
                                               {"currency", "KHR"}}});
}

TEST_CASE("admins create and list users, and nobody else may", "[api][auth]") {
  test_server server({"--demo"});
  add_user(server, "root", "admin", root_password);
  auto admin = signed_in(server, "root", root_password);

  const auto created = admin.post("/api/v1/users", {{"username", "keeper"},
                                                    {"password", "keeper-password"},
                                                    {"display_name", "Keeper"},
                                                    {"role", "treasurer"},
                                                    {"group_ids", {1}}});
  REQUIRE(created.status == 201);
  CHECK(created.json.at("username") == "keeper");
  CHECK(created.json.at("role") == "treasurer");
  CHECK(created.json.at("group_ids") == boost::json::array{1});
  CHECK_FALSE(created.json.as_object().contains("password"));
  CHECK_FALSE(created.json.as_object().contains("password_hash"));

  const auto again = admin.post(
      "/api/v1/users",
      {{"username", "keeper"}, {"password", "keeper-password"}, {"role", "treasurer"}, {"group_ids", {1}}});
  CHECK(again.status == 409);
  CHECK(again.error_code() == "conflict");
  CHECK(
      admin
          .post("/api/v1/users",
                {{"username", "x1y"}, {"password", "long-enough"}, {"role", "admin"}, {"is_superuser", true}})
          .status == 400);
  CHECK(admin.post("/api/v1/users", {{"username", "x1y"}, {"password", "long-enough"}, {"role", "boss"}})
            .error_code() == "bad_request");
  CHECK(admin.post("/api/v1/users", {{"username", "x1y"}, {"password", "short"}, {"role", "admin"}}).status ==
        400);
  CHECK(admin
            .post("/api/v1/users",
                  {{"username", "x1y"}, {"password", "long-enough"}, {"role", "staff"}, {"group_ids", {42}}})
            .status == 404);

  const auto list = admin.get("/api/v1/users");
  REQUIRE(list.status == 200);
  CHECK(list.json.at("next_cursor").is_null());
  const auto names = usernames(list);
  CHECK(std::ranges::count(names, "keeper") == 1);
  CHECK(std::ranges::count(names, "root") == 1);
  CHECK_THAT(list.raw.body, !Catch::Contains("argon2"));

  auto keeper = signed_in(server, "keeper", "keeper-password");
  CHECK(keeper.get("/api/v1/users").status == 403);
  const auto refused =
      keeper.post("/api/v1/users", {{"username", "mine"}, {"password", "long-enough"}, {"role", "admin"}});
  CHECK(refused.status == 403);
  CHECK(refused.error_code() == "forbidden");
  CHECK(usernames(admin.get("/api/v1/users")).size() == names.size());
}
