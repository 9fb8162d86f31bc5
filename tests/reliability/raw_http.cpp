#include "tests/reliability/raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <thread>

namespace samaki::reliability_test {

raw_outcome raw_exchange(std::uint16_t port, const std::vector<std::string>& parts,
                         std::chrono::milliseconds pause, std::chrono::milliseconds wait) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("could not connect to port " + std::to_string(port));
  }
  raw_outcome outcome;
  std::string received;
  auto read_some = [&](int timeout_ms) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    char buffer[16384];
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      outcome.closed = true;
      return false;
    }
    received.append(buffer, static_cast<std::size_t>(n));
    return true;
  };
  for (std::size_t i = 0; i < parts.size() && !outcome.closed; ++i) {
    if (i > 0 && pause.count() > 0) std::this_thread::sleep_for(pause);
    std::size_t sent = 0;
    while (sent < parts[i].size()) {
      const auto n = ::send(fd, parts[i].data() + sent, parts[i].size() - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        outcome.closed = true;  // reset or shut by the server
        break;
      }
      sent += static_cast<std::size_t>(n);
      // Read what comes back meanwhile, so a server that answers early is not blocked by us.
      while (read_some(0)) {
      }
    }
  }
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (!outcome.closed && std::chrono::steady_clock::now() < deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (!read_some(static_cast<int>(std::max<std::int64_t>(left.count(), 1))) && !outcome.closed) {
      // Nothing within the wait, or an answer on a connection kept alive: stop at the end of a head.
      if (received.find("\r\n\r\n") != std::string::npos) break;
    }
    if (received.find("\r\n\r\n") != std::string::npos && !outcome.closed) {
      // Give the server a moment to close after its answer, as it should after a broken request.
      read_some(200);
      break;
    }
  }
  ::close(fd);
  if (received.rfind("HTTP/1.", 0) == 0 && received.size() >= 12) {
    outcome.answered = true;
    outcome.status = std::stoi(received.substr(9, 3));
    outcome.head = received.substr(0, received.find("\r\n\r\n"));
  }
  return outcome;
}

}  // namespace samaki::reliability_test
