// The journal over HTTP: posting, idempotent retries (also many at once), reversal, listing.
#include "tests/api/ledger_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <latch>
#include <set>
#include <thread>

using namespace samaki::api_test;

TEST_CASE("posting, replaying, conflicting, reversing and listing entries", "[api][ledger]") {
  group_with_treasurer start;
  auto& [server, admin, group, treasurer] = start;
  auto staff = signed_in_as(server, "staff", {group});
  const auto member = create_member(treasurer, group, "Sophea");
  const auto entries = group_path(group, "/entries");

  const auto body = share_purchase("2026-11-28", "25000", member);
  const auto first = treasurer.post(entries, body, idempotency("meeting-12/share/7"));
  REQUIRE(first.status == 201);
  CHECK(first.json.at("created_by").as_string().starts_with("treasurer-"));
  CHECK(first.json.at("lines").at(1).at("credit") == "25000.00");
  const auto again = treasurer.post(entries, body, idempotency("meeting-12/share/7"));
  CHECK(again.status == 200);
  CHECK(again.json == first.json);
  const auto conflict = treasurer.post(entries, share_purchase("2026-11-28", "25001", member),
                                       idempotency("meeting-12/share/7"));
  CHECK(conflict.status == 409);
  CHECK(conflict.error_code() == "idempotency_conflict");
  CHECK(staff.post(entries, body, idempotency("staff-try")).status == 403);

  const auto id = std::to_string(first.json.at("id").as_int64());
  const auto reversed =
      treasurer.post(entries + "/" + id + "/reverse", {{"date", "2026-11-29"}}, idempotency("rev"));
  REQUIRE(reversed.status == 201);
  CHECK(reversed.json.at("reverses") == first.json.at("id"));
  CHECK(treasurer.post(entries + "/" + id + "/reverse", {{"date", "2026-11-29"}}, idempotency("rev-again"))
            .status == 409);
  CHECK(staff.get(entries + "/" + id).json.at("reversed_by") == reversed.json.at("id"));

  const auto listed = staff.get(entries + "?limit=1");
  REQUIRE(listed.status == 200);
  REQUIRE(listed.json.at("items").as_array().size() == 1);
  CHECK(listed.json.at("items").at(0).at("seq") == 1);
  const auto next =
      staff.get(entries + "?limit=1&cursor=" + std::string(listed.json.at("next_cursor").as_string()));
  CHECK(next.json.at("items").at(0).at("seq") == 2);
  CHECK(next.json.at("next_cursor").is_null());
  CHECK(staff.get(entries + "?to=2026-11-28").json.at("items").as_array().size() == 1);
  CHECK(staff.get(entries + "?from=28-11-2026").error_code() == "invalid_date");

  const auto audit = admin.get("/api/v1/audit?group_id=" + std::to_string(group));
  REQUIRE(audit.status == 200);
  std::multiset<std::string> actions;
  for (const auto& r : audit.json.at("items").as_array())
    actions.insert(std::string(r.at("action").as_string()));
  CHECK(actions ==
        std::multiset<std::string>{"group.create", "member.create", "entry.post", "entry.reverse"});
}

TEST_CASE("the same posting sent at once over many connections makes exactly one entry", "[api][ledger]") {
  test_server server;
  auto admin = signed_in_as(server, "admin");
  const auto group = create_group(admin);
  const auto member = create_member(admin, group, "Sophea");
  add_user(server, "storm", "retry storm password", "treasurer", {group});
  const std::string token = login_token(server, "storm", "retry storm password");

  // Every sender on a connection of its own, all released together.
  constexpr int senders = 20;
  std::vector<api_client> clients;
  for (int i = 0; i < senders; ++i) {
    clients.push_back(server.client());
    clients.back().use_token(token);
  }
  std::latch start(senders);
  std::vector<int> statuses(senders);
  std::vector<std::int64_t> ids(senders);
  std::vector<std::thread> threads;
  for (int i = 0; i < senders; ++i) {
    threads.emplace_back([&, i] {
      auto& client = clients[static_cast<std::size_t>(i)];
      client.connection().connect();
      start.arrive_and_wait();
      const auto reply =
          client.post(group_path(group, "/entries"), share_purchase("2026-11-28", "5000", member),
                      idempotency("retry-storm"));
      statuses[static_cast<std::size_t>(i)] = reply.status;
      ids[static_cast<std::size_t>(i)] = reply.status < 300 ? reply.json.at("id").as_int64() : 0;
    });
  }
  for (auto& t : threads) t.join();

  CHECK(std::count(statuses.begin(), statuses.end(), 201) == 1);
  CHECK(std::count(statuses.begin(), statuses.end(), 200) == senders - 1);
  CHECK(std::set<std::int64_t>(ids.begin(), ids.end()).size() == 1);
  const auto listed = admin.get(group_path(group, "/entries"));
  CHECK(listed.json.at("items").as_array().size() == 1);
  const auto audit = admin.get("/api/v1/audit?group_id=" + std::to_string(group));
  int posts = 0;
  for (const auto& r : audit.json.at("items").as_array()) posts += r.at("action") == "entry.post" ? 1 : 0;
  CHECK(posts == 1);
}

TEST_CASE("?latest=N lists the newest entries that match, newest last, and nothing else", "[api][ledger]") {
  group_with_treasurer start;
  auto& [server, admin, group, treasurer] = start;
  const auto sophea = create_member(treasurer, group, "Sophea");
  const auto vuthy = create_member(treasurer, group, "Vuthy");
  const auto entries = group_path(group, "/entries");
  for (int i = 1; i <= 6; ++i) {
    const auto who = i % 2 ? sophea : vuthy;  // Sophea posts seq 1, 3, 5
    REQUIRE(treasurer
                .post(entries, share_purchase("2026-11-28", std::to_string(i * 100), who),
                      idempotency("share-" + std::to_string(i)))
                .status == 201);
  }
  auto seqs = [](const auto& reply) {
    std::vector<std::int64_t> out;
    for (const auto& item : reply.json.at("items").as_array()) out.push_back(item.at("seq").as_int64());
    return out;
  };

  const auto newest = treasurer.get(entries + "?latest=2");
  REQUIRE(newest.status == 200);
  CHECK(seqs(newest) == std::vector<std::int64_t>{5, 6});
  CHECK(newest.json.at("next_cursor").is_null());
  const auto sophea_latest = treasurer.get(entries + "?latest=2&member_id=" + std::to_string(sophea));
  REQUIRE(sophea_latest.status == 200);
  CHECK(seqs(sophea_latest) == std::vector<std::int64_t>{3, 5});
  CHECK(seqs(treasurer.get(entries + "?latest=1000")) == std::vector<std::int64_t>{1, 2, 3, 4, 5, 6});

  for (const char* bad : {"?latest=0", "?latest=1001", "?latest=two", "?latest=2&limit=2"}) {
    INFO(bad);
    const auto refused = treasurer.get(entries + bad);
    CHECK(refused.status == 400);
    CHECK(refused.error_code() == "bad_request");
  }
  const auto first_page = treasurer.get(entries + "?limit=2");
  REQUIRE(first_page.status == 200);
  CHECK(treasurer
            .get(entries + "?latest=2&cursor=" + std::string(first_page.json.at("next_cursor").as_string()))
            .status == 400);
}
