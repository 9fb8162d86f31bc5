#pragma once
// The size limit on a request's header block — the request line, the header fields and the blank line
// that ends them — counted exactly, in bytes as received. (Beast's own header_limit applies to the
// request line and to the fields separately, so it lets through up to about twice the limit.)
#include <cstddef>
#include <string_view>

namespace samaki::server {

enum class header_block_state {
  complete,    // the whole block has arrived and is within the limit
  incomplete,  // not all of it yet, and what has arrived is within the limit
  too_large,   // the block is, or will be, over the limit
};

// What `received` (the bytes of a request so far, from its first) says about its header block.
header_block_state scan_header_block(std::string_view received, std::size_t limit);

}  // namespace samaki::server
