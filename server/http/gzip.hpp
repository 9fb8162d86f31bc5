#pragma once
// gzip (RFC 1952) without zlib: Beast's raw deflate, Boost.CRC's CRC-32, and the header and trailer
// around them. Used to compress the web UI's files once; browsers inflate them.
#include <cstdint>
#include <string>
#include <string_view>

namespace samaki::server {

// The CRC-32 of `data` (the gzip and PNG one, reflected polynomial 0xEDB88320).
std::uint32_t crc32(std::string_view data);

// `data` as one gzip member: a 10-byte header (no name, no time), deflate at `level` (1 to 9), then the
// CRC-32 and length of `data`. Throws std::runtime_error if the compressor reports an error.
std::string gzip_compress(std::string_view data, int level = 9);

// Whether an Accept-Encoding header value lets us answer with gzip: "gzip" (or "x-gzip", or "*") among
// its codings with a q-value above zero. An empty header means only the identity is wanted.
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace samaki::server
