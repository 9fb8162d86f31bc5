#pragma once
// Login throttling: failed logins are counted per (username, client address) pair; once a pair has
// `max_failures` within `window`, logins of that username from that address are refused for `lockout`.
// Only the pair: a client's guesses at many usernames, or at one from elsewhere, never lock anyone else
// out (behind a proxy without a trusted client address, every client would share one address). In
// memory, thread-safe and bounded: at most `capacity` pairs, dropping quiet ones first.
#include "server/config.hpp"

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace samaki::server {

class login_limiter {
 public:
  using clock = std::chrono::steady_clock;
  static constexpr std::size_t default_capacity = 10000;

  // One login attempt that was let through, from begin() until fail() or succeed(). An attempt dropped
  // without either (the request failed) counts as neither.
  class attempt {
   public:
    attempt(attempt&& other) noexcept;
    attempt& operator=(attempt&&) = delete;
    ~attempt();

    void fail(clock::time_point now);
    // Resets the pair's count.
    void succeed();

   private:
    friend class login_limiter;
    attempt(login_limiter& owner, std::string key);

    login_limiter* owner_;
    std::string key_;
  };

  // Either an attempt, or how long the caller should wait before trying again.
  struct admission {
    std::optional<attempt> admitted;
    std::chrono::seconds retry_after{0};
  };

  explicit login_limiter(login_throttle rules, std::size_t capacity = default_capacity);
  login_limiter(const login_limiter&) = delete;
  login_limiter& operator=(const login_limiter&) = delete;

  // Refused while the pair is locked out, or while its failures plus the attempts still being checked
  // reach the limit (so parallel guesses cannot overshoot it).
  admission begin(std::string_view username, std::string_view address, clock::time_point now);

  // Pairs held, for tests of the bound.
  std::size_t size() const;

 private:
  struct tally {
    std::vector<clock::time_point> failures;  // within the window, oldest first
    int in_flight = 0;
    std::optional<clock::time_point> locked_until;
    clock::time_point last_seen;
  };
  using table = std::unordered_map<std::string, tally>;
  enum class outcome { failed, succeeded, abandoned };

  // `now` matters only for a failure: it is when the failure counts from.
  void finish(const attempt& a, outcome how, clock::time_point now);
  tally& slot(const std::string& key, clock::time_point now);
  void make_room(clock::time_point now);
  void forget_expired(tally& t, clock::time_point now) const;
  std::optional<std::chrono::seconds> refusal(const tally& t, clock::time_point now) const;

  const login_throttle rules_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  table pairs_;
};

}  // namespace samaki::server
