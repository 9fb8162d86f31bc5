#pragma once
// The hash chain: every entry's hash covers its canonical serialisation and the previous entry's hash.
//
// Canonical serialisation, version 1 (UTF-8, '\n' after each field, strings as <byte length>:<bytes>):
//   samaki.entry.v1
//   group=<group id>            seq=<seq>                 date=<YYYY-MM-DD>
//   memo=<len>:<memo>           reverses=<entry id or 0>  created_by=<len>:<author>
//   created_at=<RFC 3339>       lines=<count>
//   then per line, in line order:
//   line=<line no>|<account code>|<member id or 0>|<currency>|<D or C>|<amount in minor units>|<len>:<memo>
// (one field per line in the text; shown here in columns). hash = SHA-256(prev_hash || serialisation),
// where prev_hash is the 32 raw bytes of the previous entry's hash, all zero for a group's first entry.
#include "ledger/journal/journal.hpp"

#include <array>
#include <string>
#include <string_view>

namespace samaki::ledger {

using digest = std::array<unsigned char, 32>;

std::string canonical_serialisation(const entry& e);
digest entry_hash(const digest& prev_hash, const entry& e);
digest sha256(std::string_view bytes);

std::string to_hex(const digest& d);
// 64 hex characters to bytes; false when malformed.
bool from_hex(std::string_view hex, digest& out);
digest digest_from_bytes(std::string_view raw);  // 32 raw bytes (as stored)
std::string_view digest_bytes(const digest& d);

}  // namespace samaki::ledger
