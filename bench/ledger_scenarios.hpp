#pragma once
// What bench_http needs to load the ledger API: an admin made with `samaki user add` before the server
// starts, a savings group with members made over HTTP, and request templates that use them.
#include "server/client/http_connection.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace samaki::bench {

struct savings_group_ids {
  std::int64_t group = 0;
  std::vector<std::int64_t> members;
};

struct ledger_fixture {
  std::string token;
  std::int64_t group = 0;
  std::vector<std::int64_t> members;
  std::vector<savings_group_ids> meeting_groups;  // for "meeting": many groups, each with an open cycle
};

inline constexpr const char* bench_username = "bench";
inline constexpr const char* bench_password = "bench-password-1";

// Runs `samaki user add` on the database file; throws std::runtime_error if it fails.
void create_admin(const std::string& samaki_binary, const std::string& db_path);

// Signs in as the bench admin and creates a savings group with `members` members.
ledger_fixture set_up_ledger(std::uint16_t port, int members);

// Adds `groups` savings groups of `members` members, each with a cycle open since a month ago, made over
// `connections` connections at once (the writer commits them in batches).
void add_meeting_groups(ledger_fixture& fixture, std::uint16_t port, int groups, int members,
                        unsigned connections);

struct ledger_request {
  std::string method, path, body;
  bool needs_idempotency_key = false;
};

// "post": a 3-line meeting posting per member (each request a new entry); "balances": the group's
// accounts with balances; "trial-balance": the trial balance report; "meeting": a whole meeting of one of
// the meeting groups (every member buys a share and pays the social fund), a template per group.
std::vector<ledger_request> ledger_requests(const std::string& scenario, const ledger_fixture& fixture);
bool is_ledger_scenario(const std::string& name);

// Opens `count` connections to the server and holds them open without a request; returns the server's
// resident memory (VmRSS, KiB) before and while they are open, and its peak so far (VmHWM: under the load
// that came before).
struct idle_report {
  long rss_before_kib = 0;
  long rss_with_idle_kib = 0;
  long rss_peak_kib = 0;
  int opened = 0;
};
idle_report hold_idle_connections(std::uint16_t port, int server_pid, int count);

}  // namespace samaki::bench
