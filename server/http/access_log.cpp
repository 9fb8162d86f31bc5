#include "server/http/access_log.hpp"

#include <spdlog/spdlog.h>

namespace samaki::server {

void log_access(const access_record& r) {
  const double ms = std::chrono::duration<double, std::milli>(r.elapsed).count();
  // The peer only when it is not the client: a request that came through a proxy.
  if (r.peer_address.empty() || r.peer_address == r.client_address) {
    spdlog::info("{} {} {} {:.2f}ms user={} id={} client={}", r.method, r.path, r.status, ms,
                 r.user.empty() ? "-" : r.user, r.request_id, r.client_address);
  } else {
    spdlog::info("{} {} {} {:.2f}ms user={} id={} client={} via={}", r.method, r.path, r.status, ms,
                 r.user.empty() ? "-" : r.user, r.request_id, r.client_address, r.peer_address);
  }
}

}  // namespace samaki::server
