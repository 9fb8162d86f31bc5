// /metrics counts what the issue names: postings committed (a replay is not a new posting), the writer's
// batch sizes, and requests by route and status.
#include "tests/api/ledger_test_support.hpp"

#include <catch2/catch.hpp>

using namespace samaki::api_test;

TEST_CASE("/metrics counts committed postings, writer batches and requests by route", "[api][metrics]") {
  test_server server;
  auto admin = signed_in_as(server, "admin");
  const auto group = create_group(admin);
  const auto member = create_member(admin, group, "Sophea");
  for (int i = 0; i < 3; ++i) {
    auto posted = admin.post(group_path(group, "/entries"), share_purchase("2026-03-01", "5000", member),
                             idempotency("metrics-" + std::to_string(i)));
    REQUIRE(posted.status == 201);
  }
  auto replay = admin.post(group_path(group, "/entries"), share_purchase("2026-03-01", "5000", member),
                           idempotency("metrics-0"));
  REQUIRE(replay.status == 200);
  auto refused = admin.post(group_path(group, "/entries"), share_purchase("2026-03-01", "-5", member),
                            idempotency("metrics-bad"));
  REQUIRE(refused.status == 422);

  const auto text = server.client().get("/metrics").raw.body;
  CHECK_THAT(text, Catch::Contains("samaki_ledger_postings_committed_total 3\n"));
  CHECK_THAT(text, Catch::Contains("samaki_ledger_writer_batch_size_count"));
  CHECK_THAT(text, Catch::Contains("samaki_http_request_duration_seconds_bucket"));
  CHECK_THAT(text, Catch::Contains("route=\"/api/v1/groups/{gid}/entries\""));
  CHECK_THAT(text, Catch::Contains("status=\"201\""));
}
