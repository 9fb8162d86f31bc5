#include "server/http/header_block.hpp"

namespace samaki::server {

header_block_state scan_header_block(std::string_view received, std::size_t limit) {
  // The block ends with the first empty line; within the limit, its CRLF CRLF ends by byte `limit`.
  if (received.substr(0, limit).find("\r\n\r\n") != std::string_view::npos)
    return header_block_state::complete;
  return received.size() >= limit ? header_block_state::too_large : header_block_state::incomplete;
}

}  // namespace samaki::server
