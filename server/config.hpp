#pragma once
// The service's settings: defaults, then config/samaki.json, then SAMAKI_* variables, then flags.
#include "server/command_line.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::server {

// SQLite's durability setting for the writer: FULL survives power loss, NORMAL only a crash.
enum class sync_mode { full, normal };

// Failed logins allowed per username and client address within `window` before logins of that
// username from that address are refused for `lockout`.
struct login_throttle {
  int max_failures = 5;
  std::chrono::seconds window{300};
  std::chrono::seconds lockout{300};
  friend bool operator==(const login_throttle&, const login_throttle&) = default;
};

struct settings {
  std::string db_path = "data/samaki.db";
  std::string bind_address = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 2;     // I/O threads
  int db_threads = 2;  // read-only SQLite connections, one thread each
  std::size_t body_limit = 1024 * 1024;
  std::size_t header_limit = 8 * 1024;
  std::chrono::seconds read_timeout{30};        // to receive one whole request, or to send a response
  std::chrono::seconds first_byte_timeout{10};  // a new connection waiting for its first request
  std::chrono::seconds idle_timeout{60};        // a kept-alive connection waiting for its next request
  std::size_t max_connections = 1024;
  std::size_t max_connections_per_client = 64;  // per peer address, except trusted proxies
  // Peers (addresses or networks) whose client_address_header is believed: the reverse proxy.
  std::vector<std::string> trusted_proxies;
  std::string client_address_header = "X-Forwarded-For";
  std::chrono::seconds token_ttl{12 * 3600};
  login_throttle login;
  // Password hashing (Argon2id) runs on its own threads, never on the database threads; at most
  // hash_queue_limit hashings wait for one, the rest are refused at once (503).
  int hash_threads = 1;
  std::size_t hash_queue_limit = 8;
  sync_mode synchronous = sync_mode::full;
  std::size_t writer_batch_max = 256;
  // Pages the database may grow to (0: as far as the disk allows); beyond, writes fail with storage_full.
  std::int64_t db_max_pages = 0;
  std::string web_root = "web";
  std::string log_level = "info";
  int timezone_offset_minutes = 420;  // Cambodia, UTC+7: what "today" means for value dates
  // The session cookie's Secure attribute: on when browsers reach the service through HTTPS (a TLS proxy),
  // so the cookie is never sent over plain HTTP; off for plain http://127.0.0.1 on a laptop.
  bool secure_cookie = false;

  friend bool operator==(const settings&, const settings&) = default;
};

// A setting that cannot be read: names where it came from (file, variable or flag) and why.
struct config_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Looks up an environment variable; tests pass a map instead of the process environment.
using environment = std::function<std::optional<std::string>(std::string_view name)>;
environment process_environment();

inline constexpr std::string_view default_config_path = "config/samaki.json";

// All layers. The file is --config, else SAMAKI_CONFIG, else config/samaki.json if it exists.
settings load_settings(const command_line& flags, const environment& env);

// The layers one by one. Unknown keys in the file are an error; unknown SAMAKI_* variables are not.
void apply_config_json(settings& s, std::string_view json_text, std::string_view origin);
void apply_environment(settings& s, const environment& env);
void apply_flags(settings& s, const command_line& flags);

// Every flag a setting can be given by ("db", "port", "db-threads", ...), and "config".
std::vector<std::string_view> settings_flag_names();
// The file keys, in documentation order.
std::vector<std::string_view> settings_keys();

}  // namespace samaki::server
