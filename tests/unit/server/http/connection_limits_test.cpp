// The connection registry's limits, and the exact header limit, without sockets.
#include "server/http/connection_registry.hpp"
#include "server/http/header_block.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

using namespace samaki::server;

namespace {

struct quiet_connection final : idle_closable {
  void close_if_idle() override {}
};

}  // namespace

TEST_CASE("one client may hold at most max_connections_per_client, and others are not affected",
          "[server][connections]") {
  metrics_registry metrics;
  gauge& open = metrics.add_gauge("open", "open connections");
  connection_registry registry(10, 2, open);
  std::vector<std::shared_ptr<idle_closable>> held;
  const auto add = [&](std::string_view client) {
    auto c = std::make_shared<quiet_connection>();
    const bool added = registry.try_add(c, client);
    if (added) held.push_back(c);
    return added;
  };
  CHECK(add("10.0.0.1"));
  CHECK(add("10.0.0.1"));
  CHECK_FALSE(add("10.0.0.1"));
  CHECK(add("10.0.0.2"));
  // Not counted per client (a trusted proxy): only the overall limit applies.
  for (int i = 0; i < 7; ++i) CHECK(add(""));
  CHECK(registry.size() == 10);
  CHECK_FALSE(add("10.0.0.3"));
  // A closed connection gives its client's place back.
  registry.remove(held.front().get());
  CHECK(add("10.0.0.1"));
  CHECK_FALSE(add("10.0.0.1"));
}

TEST_CASE("the header block is measured exactly: the limit passes, one byte more does not",
          "[server][connections]") {
  const std::string block = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";  // 27 bytes
  CHECK(scan_header_block(block, block.size()) == header_block_state::complete);
  CHECK(scan_header_block(block + "body bytes after it", block.size()) == header_block_state::complete);
  CHECK(scan_header_block(block, block.size() - 1) == header_block_state::too_large);
  CHECK(scan_header_block(block.substr(0, 20), block.size()) == header_block_state::incomplete);
  CHECK(scan_header_block(block.substr(0, 20), 20) == header_block_state::too_large);
  CHECK(scan_header_block("", 8192) == header_block_state::incomplete);
  // The blank line ends the block; a second one later is the body's business.
  CHECK(scan_header_block("GET / HTTP/1.1\r\n\r\nX: 1\r\n\r\n", 18) == header_block_state::complete);
}
