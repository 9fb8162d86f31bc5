#include "ledger/journal/hash_chain.hpp"

#include <sodium.h>

#include <stdexcept>

namespace samaki::ledger {
namespace {

void put_field(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += '=';
  out += value;
  out += '\n';
}

// Length-prefixed so no memo can imitate a field boundary.
std::string sized(std::string_view text) {
  return std::to_string(text.size()) + ":" + std::string(text);
}

}  // namespace

std::string canonical_serialisation(const entry& e) {
  std::string out = "samaki.entry.v1\n";
  put_field(out, "group", std::to_string(e.group.value));
  put_field(out, "seq", std::to_string(e.seq));
  put_field(out, "date", e.date.to_string());
  put_field(out, "memo", sized(e.memo));
  put_field(out, "reverses", std::to_string(e.reverses ? e.reverses->value : 0));
  put_field(out, "created_by", sized(e.created_by));
  put_field(out, "created_at", e.created_at);
  put_field(out, "lines", std::to_string(e.lines.size()));
  for (const auto& l : e.lines) {
    std::string line = std::to_string(l.line_no) + "|" + l.account + "|" +
                       std::to_string(l.member ? l.member->value : 0) + "|" +
                       std::string(l.amount.currency_code()) + "|" + (l.side == side::debit ? "D" : "C") +
                       "|" + std::to_string(l.amount.minor()) + "|" + sized(l.memo);
    put_field(out, "line", line);
  }
  return out;
}

digest sha256(std::string_view bytes) {
  digest d{};
  crypto_hash_sha256(d.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return d;
}

digest entry_hash(const digest& prev_hash, const entry& e) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, prev_hash.data(), prev_hash.size());
  std::string body = canonical_serialisation(e);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  digest d{};
  crypto_hash_sha256_final(&state, d.data());
  return d;
}

std::string to_hex(const digest& d) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned char b : d) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

bool from_hex(std::string_view hex, digest& out) {
  if (hex.size() != 64) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < 32; ++i) {
    int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return true;
}

digest digest_from_bytes(std::string_view raw) {
  if (raw.size() != 32) throw std::runtime_error("stored hash is not 32 bytes");
  digest d{};
  for (std::size_t i = 0; i < 32; ++i) d[i] = static_cast<unsigned char>(raw[i]);
  return d;
}

std::string_view digest_bytes(const digest& d) {
  return {reinterpret_cast<const char*>(d.data()), d.size()};
}

}  // namespace samaki::ledger
