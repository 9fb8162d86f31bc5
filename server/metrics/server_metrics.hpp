#pragma once
// The metrics the service exposes at /metrics. The HTTP layer feeds the request metrics; the ledger
// side feeds the writer's (through hooks the lead's store calls); anyone may register more.
#include "server/metrics/metrics.hpp"

namespace samaki::server {

struct server_metrics {
  server_metrics();

  metrics_registry registry;
  metric_family<counter>& requests;           // by route pattern and status
  metric_family<histogram>& request_seconds;  // by route pattern, handler time
  gauge& open_connections;
  counter& refused_connections;  // over max_connections, or while shutting down
  counter& postings_committed;   // entries the writer committed
  histogram& writer_batch_size;  // commands per group-commit transaction
};

}  // namespace samaki::server
