#include "server/http/client_address.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace samaki::server {
namespace {

namespace ip = boost::asio::ip;

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::ranges::all_of(s, [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<ip::address> plain_address(std::string_view text) {
  boost::system::error_code ec;
  auto address = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  if (address.is_v6() && address.to_v6().is_v4_mapped())
    return ip::make_address_v4(ip::v4_mapped, address.to_v6());
  return address;
}

// An address written alone, in brackets, or with a port.
std::optional<ip::address> address_in(std::string_view text) {
  text = trimmed(text);
  if (text.starts_with('[')) {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    const auto rest = text.substr(close + 1);
    if (!rest.empty() && !(rest.front() == ':' && all_digits(rest.substr(1)))) return std::nullopt;
    return plain_address(text.substr(1, close - 1));
  }
  if (auto address = plain_address(text)) return address;
  // "10.0.0.7:443": one colon only, or it would be an IPv6 address.
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || text.find(':', colon + 1) != std::string_view::npos ||
      !all_digits(text.substr(colon + 1)))
    return std::nullopt;
  auto address = plain_address(text.substr(0, colon));
  if (!address || !address->is_v4()) return std::nullopt;
  return address;
}

std::array<std::uint8_t, 16> mapped_bytes(const ip::address& address) {
  if (address.is_v6()) return address.to_v6().to_bytes();
  return ip::make_address_v6(ip::v4_mapped, address.to_v4()).to_bytes();
}

}  // namespace

std::optional<std::string> canonical_address(std::string_view text) {
  auto address = address_in(text);
  if (!address) return std::nullopt;
  return address->to_string();
}

std::optional<ip_network> ip_network::parse(std::string_view text) {
  text = trimmed(text);
  const auto slash = text.find('/');
  const auto address = plain_address(text.substr(0, slash));
  if (!address) return std::nullopt;
  ip_network network;
  network.bytes_ = mapped_bytes(*address);
  const unsigned width = address->is_v4() ? 32 : 128;
  unsigned bits = width;
  if (slash != std::string_view::npos) {
    const auto digits = text.substr(slash + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (!all_digits(digits) || ec != std::errc{} || end != digits.data() + digits.size() || bits > width)
      return std::nullopt;
  }
  network.prefix_bits_ = 128 - width + bits;
  return network;
}

bool ip_network::contains(std::string_view address_text) const {
  const auto address = address_in(address_text);
  if (!address) return false;
  const auto bytes = mapped_bytes(*address);
  for (unsigned bit = 0; bit < prefix_bits_; ++bit) {
    const unsigned byte = bit / 8;
    const auto mask = static_cast<std::uint8_t>(0x80u >> (bit % 8));
    if ((bytes[byte] & mask) != (bytes_[byte] & mask)) return false;
  }
  return true;
}

client_addresses::client_addresses(const std::vector<std::string>& trusted_proxies, std::string header)
    : header_(std::move(header)) {
  for (const auto& text : trusted_proxies) {
    auto network = ip_network::parse(text);
    if (!network) throw std::invalid_argument("\"" + text + "\" is not an IP address or network");
    trusted_.push_back(*network);
  }
}

bool client_addresses::trusts(std::string_view address) const {
  return std::ranges::any_of(trusted_, [&](const ip_network& n) { return n.contains(address); });
}

std::string client_addresses::client_of(std::string_view peer, const http_request& request) const {
  std::string client = canonical_address(peer).value_or(std::string(peer));
  if (trusted_.empty() || !trusts(client)) return client;
  // Every line of the header, in order, as one list: the right-most entry is the nearest hop.
  std::vector<std::string_view> hops;
  const auto [first, last] = request.equal_range(header_);
  for (auto field = first; field != last; ++field) {
    std::string_view list = to_std(field->value());
    while (!list.empty()) {
      const auto comma = list.find(',');
      hops.push_back(list.substr(0, comma));
      list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
  }
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    auto address = canonical_address(*hop);
    if (!address) break;
    client = std::move(*address);
    if (!trusts(client)) break;
  }
  return client;
}

}  // namespace samaki::server
