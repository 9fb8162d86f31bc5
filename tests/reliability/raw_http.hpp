#pragma once
// Bytes on a socket, for requests no HTTP client would send: broken request lines, oversized headers,
// chunked tricks, senders that stall.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace samaki::reliability_test {

struct raw_outcome {
  bool answered = false;  // a status line came back
  int status = 0;
  bool closed = false;  // the server closed the connection (after answering or without a word)
  std::string head;     // the response's status line and headers
};

// Sends `parts` on a new connection to 127.0.0.1:`port`, `pause` between them, then reads until the
// server closes the connection or `wait` passes. A send that fails because the server already closed
// counts as closed.
raw_outcome raw_exchange(std::uint16_t port, const std::vector<std::string>& parts,
                         std::chrono::milliseconds pause = std::chrono::milliseconds(0),
                         std::chrono::milliseconds wait = std::chrono::seconds(5));

}  // namespace samaki::reliability_test
