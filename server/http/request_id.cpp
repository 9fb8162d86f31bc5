#include "server/http/request_id.hpp"

#include <cstdint>
#include <random>

namespace samaki::server {

std::string make_request_id() {
  // Per thread, so I/O threads never contend; ids correlate logs and need not be secret.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char hex[] = "0123456789abcdef";
  std::uint64_t bits = generator();
  std::string id(16, '0');
  for (auto& c : id) {
    c = hex[bits & 0xf];
    bits >>= 4;
  }
  return id;
}

}  // namespace samaki::server
