// Who the client of a request is: the peer, or — when the peer is a trusted proxy — the right-most
// address of the forwarded header that is not itself a trusted proxy.
#include "server/http/client_address.hpp"
#include "tests/unit/server/test_support.hpp"

#include <catch2/catch.hpp>

using namespace samaki::server;

namespace {

http_request forwarded(std::vector<std::string> values, std::string_view header = "X-Forwarded-For") {
  auto request = make_request(http::verb::get, "/healthz");
  for (const auto& v : values) request.insert(header, v);
  return request;
}

}  // namespace

TEST_CASE("addresses and networks: IPv4, IPv6, CIDR prefixes, and nothing else", "[server][client-address]") {
  const auto local = ip_network::parse("127.0.0.1");
  REQUIRE(local);
  CHECK(local->contains("127.0.0.1"));
  CHECK_FALSE(local->contains("127.0.0.2"));
  CHECK(local->contains("::ffff:127.0.0.1"));  // how a dual-stack socket shows an IPv4 peer
  const auto ten = ip_network::parse("10.0.0.0/8");
  REQUIRE(ten);
  CHECK(ten->contains("10.200.3.4"));
  CHECK_FALSE(ten->contains("11.0.0.1"));
  CHECK_FALSE(ten->contains("::1"));
  const auto v6 = ip_network::parse("fd00::/8");
  REQUIRE(v6);
  CHECK(v6->contains("fd12:3456::1"));
  CHECK_FALSE(v6->contains("fe80::1"));
  CHECK(ip_network::parse("0.0.0.0/0")->contains("203.0.113.5"));
  for (const char* bad : {"", "localhost", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "::1/129", "1.2.3"}) {
    INFO(bad);
    CHECK_FALSE(ip_network::parse(bad));
  }
  CHECK_THROWS_AS(client_addresses({"proxy.example.org"}, "X-Forwarded-For"), std::invalid_argument);
}

TEST_CASE("addresses are written one way, with ports and brackets taken off", "[server][client-address]") {
  CHECK(canonical_address(" 203.0.113.5 ") == "203.0.113.5");
  CHECK(canonical_address("203.0.113.5:4711") == "203.0.113.5");
  CHECK(canonical_address("[2001:db8::1]:443") == "2001:db8::1");
  CHECK(canonical_address("2001:DB8::1") == "2001:db8::1");
  CHECK(canonical_address("::ffff:10.0.0.7") == "10.0.0.7");
  CHECK_FALSE(canonical_address("unknown"));
  CHECK_FALSE(canonical_address("[::1"));
  CHECK_FALSE(canonical_address("203.0.113.5:http"));
}

TEST_CASE("the client is the peer unless the peer is a trusted proxy", "[server][client-address]") {
  const client_addresses none({}, "X-Forwarded-For");
  CHECK(none.client_of("198.51.100.1", forwarded({"203.0.113.5"})) == "198.51.100.1");
  CHECK(none.client_of("::ffff:198.51.100.1", forwarded({})) == "198.51.100.1");

  const client_addresses proxy({"127.0.0.1"}, "X-Forwarded-For");
  CHECK(proxy.client_of("198.51.100.1", forwarded({"203.0.113.5"})) == "198.51.100.1");  // not the proxy
  CHECK(proxy.client_of("127.0.0.1", forwarded({"203.0.113.5"})) == "203.0.113.5");
  CHECK(proxy.client_of("127.0.0.1", forwarded({})) == "127.0.0.1");  // the proxy's own request
}

TEST_CASE("the right-most address that is not a trusted proxy is the client", "[server][client-address]") {
  const client_addresses chain({"127.0.0.1", "10.0.0.0/8"}, "X-Forwarded-For");
  // What the client wrote itself stands left of what the proxies appended: it is never believed.
  CHECK(chain.client_of("127.0.0.1", forwarded({"6.6.6.6, 203.0.113.5"})) == "203.0.113.5");
  // Proxies in a chain are skipped, however many, over several header lines.
  CHECK(chain.client_of("127.0.0.1", forwarded({"6.6.6.6, 203.0.113.5", "10.1.1.1,10.2.2.2"})) ==
        "203.0.113.5");
  // All trusted: the left-most.
  CHECK(chain.client_of("127.0.0.1", forwarded({"10.9.9.9, 10.1.1.1"})) == "10.9.9.9");
  // Text that is no address ends the search where it is.
  CHECK(chain.client_of("127.0.0.1", forwarded({"203.0.113.5, garbage, 10.1.1.1"})) == "10.1.1.1");
  CHECK(chain.client_of("127.0.0.1", forwarded({"[2001:db8::7]:5000"})) == "2001:db8::7");

  const client_addresses real_ip({"127.0.0.1"}, "X-Real-IP");
  CHECK(real_ip.client_of("127.0.0.1", forwarded({"203.0.113.5"})) == "127.0.0.1");
  CHECK(real_ip.client_of("127.0.0.1", forwarded({"203.0.113.9"}, "X-Real-IP")) == "203.0.113.9");
}
