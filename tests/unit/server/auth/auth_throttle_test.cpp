// The login throttle on its own: counting per (username, address) pair, the window, the lockout, the
// reset on success, parallel attempts, and the bound on what it remembers.
#include "server/auth/login_throttle.hpp"

#include <catch2/catch.hpp>

using samaki::server::login_limiter;
using samaki::server::login_throttle;
using namespace std::chrono_literals;

namespace {

const login_limiter::clock::time_point t0{1000h};

login_throttle rules(int max_failures = 5) {
  return login_throttle{.max_failures = max_failures, .window = 300s, .lockout = 600s};
}

bool admitted(login_limiter& limiter, std::string_view user, std::string_view address,
              login_limiter::clock::time_point at) {
  return limiter.begin(user, address, at).admitted.has_value();
}

// One attempt that fails at `at`; false if it was refused.
bool fail_once(login_limiter& limiter, std::string_view user, std::string_view address,
               login_limiter::clock::time_point at) {
  auto a = limiter.begin(user, address, at);
  if (!a.admitted) return false;
  a.admitted->fail(at);
  return true;
}

}  // namespace

TEST_CASE("five failures of a username from one address lock that pair out for the lockout",
          "[auth][throttle]") {
  login_limiter limiter(rules());
  for (int i = 0; i < 5; ++i) REQUIRE(fail_once(limiter, "sokha", "10.0.0.1", t0 + i * 1s));
  auto refused = limiter.begin("sokha", "10.0.0.1", t0 + 10s);
  CHECK_FALSE(refused.admitted);
  CHECK(refused.retry_after == 600s - 6s);
  // Other names from that address, and the same name from elsewhere, are not affected.
  CHECK(admitted(limiter, "dara", "10.0.0.1", t0 + 10s));
  CHECK(admitted(limiter, "sokha", "10.9.9.9", t0 + 10s));
  CHECK_FALSE(admitted(limiter, "sokha", "10.0.0.1", t0 + 4s + 599s));
  CHECK(admitted(limiter, "sokha", "10.0.0.1", t0 + 4s + 600s));
}

TEST_CASE("failures at many usernames from one address lock no one else out", "[auth][throttle]") {
  // Behind a proxy that names no client, every client has the proxy's address: one guesser must not
  // lock every member out.
  login_limiter limiter(rules());
  for (int i = 0; i < 100; ++i) REQUIRE(fail_once(limiter, "user" + std::to_string(i), "10.0.0.1", t0));
  CHECK(admitted(limiter, "someone-else", "10.0.0.1", t0 + 1s));
  // A username failed from many addresses is locked from none of them.
  for (int i = 0; i < 100; ++i) REQUIRE(fail_once(limiter, "sokha", "10.1.0." + std::to_string(i), t0));
  CHECK(admitted(limiter, "sokha", "10.2.0.1", t0 + 1s));
}

TEST_CASE("failures older than the window no longer count", "[auth][throttle]") {
  login_limiter limiter(rules());
  for (int i = 0; i < 4; ++i) REQUIRE(fail_once(limiter, "sokha", "10.0.0.1", t0));
  // The fifth failure comes after the first four left the window: no lockout.
  REQUIRE(fail_once(limiter, "sokha", "10.0.0.1", t0 + 301s));
  CHECK(admitted(limiter, "sokha", "10.0.0.1", t0 + 302s));
  // Four more within the window of the fifth: now it locks.
  for (int i = 0; i < 4; ++i) REQUIRE(fail_once(limiter, "sokha", "10.0.0.1", t0 + 303s));
  CHECK_FALSE(admitted(limiter, "sokha", "10.0.0.1", t0 + 304s));
}

TEST_CASE("a success resets the pair's count", "[auth][throttle]") {
  login_limiter limiter(rules());
  for (int i = 0; i < 4; ++i) REQUIRE(fail_once(limiter, "sokha", "10.0.0.1", t0));
  {
    auto ok = limiter.begin("sokha", "10.0.0.1", t0 + 1s);
    REQUIRE(ok.admitted);
    ok.admitted->succeed();
  }
  for (int i = 0; i < 4; ++i) REQUIRE(fail_once(limiter, "sokha", "10.0.0.1", t0 + 2s));
  CHECK(admitted(limiter, "sokha", "10.0.0.1", t0 + 3s));
}

TEST_CASE("the right password during the pair's lockout is still refused", "[auth][throttle]") {
  login_limiter limiter(rules(2));
  REQUIRE(fail_once(limiter, "sokha", "10.0.0.1", t0));
  REQUIRE(fail_once(limiter, "sokha", "10.0.0.1", t0));
  // begin() is asked before any password is checked, so there is no way to succeed.
  CHECK_FALSE(admitted(limiter, "sokha", "10.0.0.1", t0 + 1s));
}

TEST_CASE("attempts being checked count, so parallel guesses cannot overshoot the limit",
          "[auth][throttle]") {
  login_limiter limiter(rules(3));
  auto a = limiter.begin("sokha", "10.0.0.1", t0);
  auto b = limiter.begin("sokha", "10.0.0.1", t0);
  auto c = limiter.begin("sokha", "10.0.0.1", t0);
  REQUIRE(a.admitted);
  REQUIRE(b.admitted);
  REQUIRE(c.admitted);
  auto d = limiter.begin("sokha", "10.0.0.1", t0);
  CHECK_FALSE(d.admitted);
  CHECK(d.retry_after == 1s);
  CHECK(admitted(limiter, "sokha", "10.0.0.2", t0));  // another pair
  // An attempt dropped unanswered (its request failed) frees its place without counting.
  a.admitted.reset();
  CHECK(admitted(limiter, "sokha", "10.0.0.1", t0));
}

TEST_CASE("the throttle forgets quiet pairs first, then the oldest, and stays bounded", "[auth][throttle]") {
  login_limiter limiter(rules(2), 3);  // three pairs at most
  REQUIRE(fail_once(limiter, "a", "10.0.0.1", t0));
  REQUIRE(fail_once(limiter, "b", "10.0.0.1", t0 + 1s));
  REQUIRE(fail_once(limiter, "c", "10.0.0.1", t0 + 2s));
  CHECK(limiter.size() == 3);
  // A fourth pair evicts the one seen longest ago, ("a", 10.0.0.1), with its failure.
  REQUIRE(fail_once(limiter, "d", "10.0.0.1", t0 + 3s));
  CHECK(limiter.size() == 3);
  REQUIRE(fail_once(limiter, "a", "10.0.0.1", t0 + 4s));
  CHECK(admitted(limiter, "a", "10.0.0.1", t0 + 5s));  // one failure, not two: the pair started again

  // Pairs whose failures have left the window are swept when a full table needs room.
  auto at = t0 + 1h;
  for (int i = 0; i < 100; ++i, at += 301s)
    REQUIRE(fail_once(limiter, "user" + std::to_string(i), "10.1.0." + std::to_string(i), at));
  CHECK(limiter.size() <= 3);

  // A huge username is kept as a bounded prefix: names sharing it share a count.
  const std::string huge(100000, 'x');
  REQUIRE(fail_once(limiter, huge, "10.2.0.1", at));
  REQUIRE(fail_once(limiter, huge + "y", "10.2.0.1", at));
  CHECK_FALSE(admitted(limiter, huge + "z", "10.2.0.1", at));
  CHECK(admitted(limiter, huge + "z", "10.2.0.2", at));
}
