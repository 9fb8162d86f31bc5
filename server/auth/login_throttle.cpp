#include "server/auth/login_throttle.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace samaki::server {
namespace {

// Valid usernames are at most 64 bytes; a longer one names nobody, and its prefix is key enough.
// Bounding the key keeps a flood of huge usernames from growing the table's memory.
constexpr std::size_t max_key_bytes = 80;

// The username's prefix, NUL, the address: addresses never hold a NUL, so the last one splits any key
// back into its pair and no two pairs share a key.
std::string key_of(std::string_view username, std::string_view address) {
  std::string key(username.substr(0, max_key_bytes));
  key += '\0';
  key += address.substr(0, max_key_bytes);
  return key;
}

std::chrono::seconds rounded_up(login_limiter::clock::duration d) {
  const auto s = std::chrono::ceil<std::chrono::seconds>(d);
  return std::max(s, std::chrono::seconds(1));
}

}  // namespace

login_limiter::attempt::attempt(login_limiter& owner, std::string key)
    : owner_(&owner), key_(std::move(key)) {}

login_limiter::attempt::attempt(attempt&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)), key_(std::move(other.key_)) {}

login_limiter::attempt::~attempt() {
  if (owner_ != nullptr) owner_->finish(*this, outcome::abandoned, {});
}

void login_limiter::attempt::fail(clock::time_point now) {
  if (owner_ == nullptr) return;
  owner_->finish(*this, outcome::failed, now);
  owner_ = nullptr;
}

void login_limiter::attempt::succeed() {
  if (owner_ == nullptr) return;
  owner_->finish(*this, outcome::succeeded, {});
  owner_ = nullptr;
}

login_limiter::login_limiter(login_throttle rules, std::size_t capacity)
    : rules_(rules), capacity_(std::max<std::size_t>(capacity, 1)) {}

login_limiter::admission login_limiter::begin(std::string_view username, std::string_view address,
                                              clock::time_point now) {
  const std::lock_guard lock(mutex_);
  std::string key = key_of(username, address);
  tally& pair = slot(key, now);
  if (const auto wait = refusal(pair, now)) return {std::nullopt, *wait};
  ++pair.in_flight;
  return {attempt(*this, std::move(key)), std::chrono::seconds(0)};
}

std::size_t login_limiter::size() const {
  const std::lock_guard lock(mutex_);
  return pairs_.size();
}

void login_limiter::finish(const attempt& a, outcome how, clock::time_point now) {
  const std::lock_guard lock(mutex_);
  const auto it = pairs_.find(a.key_);
  if (it == pairs_.end()) return;  // evicted meanwhile: nothing left to count against
  tally& t = it->second;
  t.in_flight = std::max(t.in_flight - 1, 0);
  if (how == outcome::succeeded) t.failures.clear();
  if (how != outcome::failed) return;
  t.last_seen = std::max(t.last_seen, now);
  forget_expired(t, now);
  t.failures.push_back(now);
  if (std::cmp_greater_equal(t.failures.size(), rules_.max_failures)) {
    t.locked_until = now + rules_.lockout;
    t.failures.clear();
  }
}

login_limiter::tally& login_limiter::slot(const std::string& key, clock::time_point now) {
  auto it = pairs_.find(key);
  if (it == pairs_.end()) {
    if (pairs_.size() >= capacity_) make_room(now);
    it = pairs_.emplace(key, tally{}).first;
  }
  it->second.last_seen = now;
  forget_expired(it->second, now);
  return it->second;
}

void login_limiter::make_room(clock::time_point now) {
  // First whatever no longer matters: no failures in the window, no lockout, nothing in flight.
  for (auto it = pairs_.begin(); it != pairs_.end();) {
    tally& t = it->second;
    forget_expired(t, now);
    const bool quiet = t.failures.empty() && !t.locked_until && t.in_flight == 0;
    it = quiet ? pairs_.erase(it) : std::next(it);
  }
  if (pairs_.size() < capacity_) return;
  // Still full: the pair seen longest ago goes, even with its count (only under a flood of names).
  auto oldest = pairs_.end();
  for (auto it = pairs_.begin(); it != pairs_.end(); ++it) {
    if (it->second.in_flight == 0 &&
        (oldest == pairs_.end() || it->second.last_seen < oldest->second.last_seen))
      oldest = it;
  }
  if (oldest != pairs_.end()) pairs_.erase(oldest);
}

void login_limiter::forget_expired(tally& t, clock::time_point now) const {
  if (t.locked_until && *t.locked_until <= now) t.locked_until.reset();
  const auto window_start = now - rules_.window;
  std::erase_if(t.failures, [&](clock::time_point at) { return at <= window_start; });
}

std::optional<std::chrono::seconds> login_limiter::refusal(const tally& t, clock::time_point now) const {
  if (t.locked_until) return rounded_up(*t.locked_until - now);
  // Not locked, but the guesses being checked right now could lock it: wait for them.
  if (std::cmp_greater_equal(t.failures.size() + static_cast<std::size_t>(t.in_flight), rules_.max_failures))
    return std::chrono::seconds(1);
  return std::nullopt;
}

}  // namespace samaki::server
