#include "server/metrics/server_metrics.hpp"

namespace samaki::server {

server_metrics::server_metrics()
    : requests(registry.add_counter_family("samaki_http_requests_total", "HTTP requests answered.",
                                           {"route", "status"})),
      request_seconds(registry.add_histogram_family("samaki_http_request_duration_seconds",
                                                    "Time from a request read to its response ready.",
                                                    {"route"}, latency_buckets_seconds())),
      open_connections(registry.add_gauge("samaki_http_open_connections", "Client connections open now.")),
      refused_connections(
          registry.add_counter("samaki_http_connections_refused_total",
                               "Connections closed on accept: over the limit or shutting down.")),
      postings_committed(registry.add_counter("samaki_ledger_postings_committed_total",
                                              "Journal entries committed by the writer.")),
      writer_batch_size(registry.add_histogram("samaki_ledger_writer_batch_size",
                                               "Commands per group-commit transaction.",
                                               exponential_buckets(1, 2, 12))) {}

}  // namespace samaki::server
