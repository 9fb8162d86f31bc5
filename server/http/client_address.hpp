#pragma once
// Who the client of a request is. Behind a reverse proxy every connection comes from the proxy, which
// names the client in a header (X-Forwarded-For); only the peers listed as trusted proxies are believed,
// since anyone else can send that header with any address in it.
#include "server/http/http_types.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::server {

// An IPv4 or IPv6 address ("10.0.0.7", "::1"), or a network in CIDR form ("10.0.0.0/8", "fd00::/8").
class ip_network {
 public:
  // Nothing when `text` is neither.
  static std::optional<ip_network> parse(std::string_view text);
  bool contains(std::string_view address) const;

 private:
  std::array<std::uint8_t, 16> bytes_{};  // IPv4 as IPv4-mapped IPv6, so one comparison serves both
  unsigned prefix_bits_ = 128;
};

class client_addresses {
 public:
  // `trusted_proxies` are addresses or networks; throws std::invalid_argument for any other text.
  client_addresses(const std::vector<std::string>& trusted_proxies, std::string header);

  bool trusts(std::string_view address) const;

  // `peer` itself unless it is a trusted proxy; then, reading the header's addresses from the right (the
  // nearest hop first), the first one that is not a trusted proxy (the left-most when all are). Text in
  // the header that is no address ends the search: what was believed so far stands.
  std::string client_of(std::string_view peer, const http_request& request) const;

 private:
  std::vector<ip_network> trusted_;
  std::string header_;
};

// An address as the logs and audit records write it: IPv4-mapped IPv6 peers ("::ffff:10.0.0.7") as
// IPv4, and "[::1]:443" or "10.0.0.7:443" (as some proxies write them) without brackets and port.
// Nothing when `text` holds no address.
std::optional<std::string> canonical_address(std::string_view text);

}  // namespace samaki::server
