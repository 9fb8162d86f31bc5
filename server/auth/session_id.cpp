#include "server/auth/session_id.hpp"

#include "ledger/access/users.hpp"

namespace samaki::server {

std::string session_id(std::string_view token_hash_bytes) {
  // Labelled, so the id is never the same hash as anything else made from the token.
  const std::string digest = ledger::token_hash("samaki.session-id.v1:" + std::string(token_hash_bytes));
  constexpr std::string_view digits = "0123456789abcdef";
  std::string id;
  for (std::size_t i = 0; i < 16; ++i) {
    const auto byte = static_cast<unsigned char>(digest[i]);
    id += digits[byte >> 4];
    id += digits[byte & 0x0f];
  }
  return id;
}

}  // namespace samaki::server
