// The metrics registry and its Prometheus text.
#include "server/metrics/metrics.hpp"

#include <catch2/catch.hpp>

using namespace samaki::server;

TEST_CASE("counters, gauges and histograms render as Prometheus text", "[server][metrics]") {
  metrics_registry registry;
  auto& requests = registry.add_counter_family("t_requests_total", "Requests.", {"route", "status"});
  auto& open = registry.add_gauge("t_open", "Open.");
  auto& sizes = registry.add_histogram("t_batch", "Batch sizes.", {1, 2, 4});
  requests.with({"/a/{id}", "200"}).add();
  requests.with({"/a/{id}", "200"}).add(2);
  requests.with({"say \"hi\"", "404"}).add();
  open.set(3);
  for (double v : {1.0, 2.0, 3.0, 9.0}) sizes.observe(v);

  const std::string text = registry.render();
  CHECK_THAT(text, Catch::Contains("# TYPE t_requests_total counter\n"));
  CHECK_THAT(text, Catch::Contains("t_requests_total{route=\"/a/{id}\",status=\"200\"} 3\n"));
  CHECK_THAT(text, Catch::Contains("t_requests_total{route=\"say \\\"hi\\\"\",status=\"404\"} 1\n"));
  CHECK_THAT(text, Catch::Contains("t_open 3\n"));
  CHECK_THAT(text, Catch::Contains("t_batch_bucket{le=\"1\"} 1\n"));
  CHECK_THAT(text, Catch::Contains("t_batch_bucket{le=\"2\"} 2\n"));
  CHECK_THAT(text, Catch::Contains("t_batch_bucket{le=\"4\"} 3\n"));
  CHECK_THAT(text, Catch::Contains("t_batch_bucket{le=\"+Inf\"} 4\n"));
  CHECK_THAT(text, Catch::Contains("t_batch_sum 15\n"));
  CHECK_THAT(text, Catch::Contains("t_batch_count 4\n"));
  CHECK_THROWS_AS(registry.add_gauge("t_open", "again"), std::invalid_argument);
}
