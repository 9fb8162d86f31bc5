// bench_http: a load generator for samaki on 127.0.0.1. N keep-alive connections, one thread each,
// send a mix of request templates until a request count or a duration is reached, then print
// throughput, latency percentiles and status counts.
//
//   bench_http --port 8080 --connections 8 --requests 20000 --path /healthz
//   bench_http --server build/samaki --token T --unique-idempotency-key
//              --path /api/v1/groups/1/entries --method POST --body-file posting.json --weight 3
//              --path /api/v1/groups/1/reports/trial-balance
//
// Each --path starts a request template; --method, --body, --body-file, --header and --weight
// after it belong to it (given before any --path, they are the defaults for all). In paths and
// bodies, {n} becomes the request's sequence number and {conn} the connection's number.
#include "ledger_scenarios.hpp"
#include "server/client/http_connection.hpp"
#include "server/client/server_process.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using samaki::client::http_connection;
using samaki::client::http_header;
using samaki::client::server_process;
using clock_type = std::chrono::steady_clock;

struct request_template {
  std::string method = "GET";
  std::string path;
  std::string body;
  std::vector<http_header> headers;
  unsigned weight = 1;
  bool unique_idempotency_key = false;  // each request gets its own Idempotency-Key
};

// Named mixes that need no ledger fixture; --path templates are added to them. The ledger's scenarios
// (post, balances, trial-balance) are in ledger_scenarios.cpp: they need a group made first.
std::vector<request_template> scenario(const std::string& name) {
  if (name == "healthz") {
    request_template health;
    health.path = "/healthz";
    return {health};
  }
  throw std::invalid_argument("unknown scenario \"" + name + "\"");
}

struct options {
  std::uint16_t port = 0;
  std::string server_binary;
  std::vector<std::string> server_args;
  unsigned connections = 8;
  std::uint64_t requests = 10000;
  std::chrono::milliseconds duration{10000};
  std::string token;
  std::vector<request_template> templates;
  // Need --server: an admin, a group and members are made first. Each with its share of the requests.
  std::vector<std::pair<std::string, unsigned>> ledger_scenarios;
  int members = 25;
  int groups = 1000;         // for the meeting scenario
  int idle_connections = 0;  // after the load: hold this many idle connections and report server memory
};

void print_usage() {
  std::cerr
      << "usage: bench_http (--port N | --server SAMAKI [--server-arg ARG]...)\n"
         "                  [--connections N] [--requests N] [--duration SECONDS]\n"
         "                  [--token T] [--unique-idempotency-key] [--scenario NAME[:SHARE]]...\n"
         "                  [--members N] [--groups N] [--idle-connections N]\n"
         "scenarios: healthz; with --server also post, balances, trial-balance, meeting (--groups N groups\n"
         "of --members M, a whole meeting a request). Several make a mix,\n"
         "each with SHARE (default 1) parts of the requests, e.g. --scenario post:1 --scenario balances:4\n"
         "                  (--path P [--method M] [--body B | --body-file F] [--header 'K: V']... "
         "[--weight W])...\n";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

http_header parse_header(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) throw std::invalid_argument("--header wants 'Name: value', got " + text);
  std::string value = text.substr(colon + 1);
  value.erase(0, value.find_first_not_of(' '));
  return {text.substr(0, colon), value};
}

template <class T>
T parse_number(const std::string& flag, const std::string& text) {
  try {
    std::size_t used = 0;
    const auto value = std::stoull(text, &used);
    if (used != text.size()) throw std::invalid_argument(text);
    return static_cast<T>(value);
  } catch (const std::exception&) {
    throw std::invalid_argument(flag + " wants a number, got " + text);
  }
}

options parse_options(int argc, char** argv) {
  options o;
  request_template defaults;
  // The template flags apply to: the defaults until the first --path, then the latest --path.
  auto current = [&]() -> request_template& { return o.templates.empty() ? defaults : o.templates.back(); };
  std::vector<request_template> from_scenarios;
  bool every_key_unique = false;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const bool has_value = i + 1 < argc;
    auto value = [&]() -> std::string {
      if (!has_value) throw std::invalid_argument(flag + " needs a value");
      return argv[++i];
    };
    if (flag == "--help" || flag == "-h") {
      print_usage();
      std::exit(0);
    } else if (flag == "--port") {
      o.port = parse_number<std::uint16_t>(flag, value());
    } else if (flag == "--server") {
      o.server_binary = value();
    } else if (flag == "--server-arg") {
      o.server_args.push_back(value());
    } else if (flag == "--connections") {
      o.connections = std::max(1u, parse_number<unsigned>(flag, value()));
    } else if (flag == "--requests") {
      o.requests = parse_number<std::uint64_t>(flag, value());
    } else if (flag == "--duration") {
      o.duration = std::chrono::milliseconds(parse_number<std::uint64_t>(flag, value()) * 1000);
    } else if (flag == "--token") {
      o.token = value();
    } else if (flag == "--unique-idempotency-key") {
      every_key_unique = true;
    } else if (flag == "--scenario") {
      auto name = value();
      unsigned share = 1;
      if (const auto colon = name.find(':'); colon != std::string::npos) {
        share = std::max(1u, parse_number<unsigned>(flag, name.substr(colon + 1)));
        name.resize(colon);
      }
      if (samaki::bench::is_ledger_scenario(name)) {
        o.ledger_scenarios.emplace_back(name, share);
      } else {
        for (auto& t : scenario(name)) {
          t.weight = share;
          from_scenarios.push_back(std::move(t));
        }
      }
    } else if (flag == "--members") {
      o.members = std::max(1, parse_number<int>(flag, value()));
    } else if (flag == "--groups") {
      o.groups = std::max(1, parse_number<int>(flag, value()));
    } else if (flag == "--idle-connections") {
      o.idle_connections = parse_number<int>(flag, value());
    } else if (flag == "--path") {
      request_template t = defaults;
      t.path = value();
      o.templates.push_back(std::move(t));
    } else if (flag == "--method") {
      current().method = value();
    } else if (flag == "--body") {
      current().body = value();
    } else if (flag == "--body-file") {
      current().body = read_file(value());
    } else if (flag == "--header") {
      current().headers.push_back(parse_header(value()));
    } else if (flag == "--weight") {
      current().weight = std::max(1u, parse_number<unsigned>(flag, value()));
    } else {
      throw std::invalid_argument("unknown flag " + flag);
    }
  }
  if (every_key_unique)
    for (auto& t : o.templates) t.unique_idempotency_key = true;
  o.templates.insert(o.templates.begin(), from_scenarios.begin(), from_scenarios.end());
  if (o.templates.empty() && o.ledger_scenarios.empty())
    throw std::invalid_argument("give at least one --path or --scenario");
  if ((o.port == 0) == o.server_binary.empty())
    throw std::invalid_argument("give exactly one of --port and --server");
  if ((!o.ledger_scenarios.empty() || o.idle_connections > 0) && o.server_binary.empty())
    throw std::invalid_argument("the ledger scenarios and --idle-connections need --server");
  return o;
}

std::string substitute(std::string text, std::uint64_t n, unsigned conn) {
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"{n}", std::to_string(n)},
                                   std::pair<std::string, std::string>{"{conn}", std::to_string(conn)}}) {
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
      text.replace(at, key.size(), value);
    }
  }
  return text;
}

// What one connection saw.
struct tally {
  std::vector<std::uint64_t> latencies_us;
  std::map<int, std::uint64_t> statuses;
  std::uint64_t failures = 0;
};

struct run_plan {
  const options& opts;
  std::uint16_t port;
  std::vector<const request_template*> wheel;  // each template `weight` times: the mix
  std::string run_id;
  clock_type::time_point deadline;
  std::atomic<std::uint64_t> next{0};
};

void drive_connection(run_plan& plan, unsigned conn, tally& out) {
  http_connection connection(plan.port);
  for (;;) {
    const std::uint64_t n = plan.next.fetch_add(1);
    if (n >= plan.opts.requests || clock_type::now() >= plan.deadline) return;
    const request_template& t = *plan.wheel[n % plan.wheel.size()];
    std::vector<http_header> headers = t.headers;
    if (!plan.opts.token.empty()) headers.push_back({"Authorization", "Bearer " + plan.opts.token});
    if (t.unique_idempotency_key) {
      headers.push_back({"Idempotency-Key", "bench-" + plan.run_id + "-" + std::to_string(n)});
    }
    const bool has_content_type = std::ranges::any_of(headers, [](const http_header& h) {
      return h.name.size() == 12 && std::equal(h.name.begin(), h.name.end(), "content-type",
                                               [](char a, char b) { return std::tolower(a) == b; });
    });
    if (!t.body.empty() && !has_content_type) headers.push_back({"Content-Type", "application/json"});
    const auto started = clock_type::now();
    try {
      const auto reply =
          connection.request(t.method, substitute(t.path, n, conn), substitute(t.body, n, conn), headers);
      const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(clock_type::now() - started);
      out.latencies_us.push_back(static_cast<std::uint64_t>(elapsed.count()));
      ++out.statuses[reply.status];
    } catch (const std::exception&) {
      ++out.failures;
      connection.close();
    }
  }
}

double percentile_ms(const std::vector<std::uint64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return static_cast<double>(sorted[index]) / 1000.0;
}

// The ledger scenarios' templates, once the fixture exists on the running server. A scenario's share
// is spread over its templates ("post" has one per member, "balances" one), so shares, not template
// counts, set the mix.
void add_ledger_templates(options& opts, const samaki::bench::ledger_fixture& fixture) {
  opts.token = fixture.token;
  std::vector<std::vector<samaki::bench::ledger_request>> requests;
  unsigned common = 1;  // a multiple of every scenario's template count
  for (const auto& [name, share] : opts.ledger_scenarios) {
    requests.push_back(samaki::bench::ledger_requests(name, fixture));
    common = std::lcm(common, static_cast<unsigned>(requests.back().size()));
  }
  for (std::size_t s = 0; s < requests.size(); ++s) {
    const unsigned weight =
        opts.ledger_scenarios[s].second * common / static_cast<unsigned>(requests[s].size());
    for (auto& r : requests[s]) {
      request_template t;
      t.method = r.method;
      t.path = r.path;
      t.body = r.body;
      t.weight = weight;
      t.unique_idempotency_key = r.needs_idempotency_key;
      opts.templates.push_back(std::move(t));
    }
  }
}

int run(options opts) {
  std::optional<server_process> server;
  std::filesystem::path scratch;
  std::uint16_t port = opts.port;
  if (!opts.server_binary.empty()) {
    scratch = std::filesystem::temp_directory_path() / ("bench_http." + std::to_string(::getpid()));
    std::filesystem::create_directories(scratch);
    server_process::options server_options;
    server_options.binary = opts.server_binary;
    server_options.db_path = (scratch / "bench.db").string();
    server_options.extra_args = opts.server_args;
    // Access-log lines for every request would measure the terminal, not the server. Every connection of
    // the load (64 busy, or 1,000 idle) comes from 127.0.0.1: one client, as the per-client cap sees it,
    // so the cap is lifted to the overall limit. (--server-arg flags still beat these.)
    server_options.environment = {{"SAMAKI_LOG_LEVEL", "warn"},
                                  {"SAMAKI_MAX_CONNECTIONS_PER_CLIENT", "1000000"}};
    if (!opts.ledger_scenarios.empty())
      samaki::bench::create_admin(opts.server_binary, server_options.db_path);
    server.emplace(std::move(server_options));
    port = server->port();
    if (!opts.ledger_scenarios.empty()) {
      auto fixture = samaki::bench::set_up_ledger(port, opts.members);
      if (std::ranges::any_of(opts.ledger_scenarios, [](const auto& s) { return s.first == "meeting"; }))
        samaki::bench::add_meeting_groups(fixture, port, opts.groups, opts.members, 16);
      add_ledger_templates(opts, fixture);
    }
  }

  run_plan plan{.opts = opts, .port = port, .wheel = {}, .run_id = {}, .deadline = {}};
  for (const auto& t : opts.templates) plan.wheel.insert(plan.wheel.end(), t.weight, &t);
  plan.run_id = std::to_string(std::random_device{}());
  std::vector<tally> tallies(opts.connections);
  const auto started = clock_type::now();
  plan.deadline = started + opts.duration;
  {
    std::vector<std::jthread> workers;
    for (unsigned c = 0; c < opts.connections; ++c) {
      workers.emplace_back([&plan, &tallies, c] { drive_connection(plan, c, tallies[c]); });
    }
  }
  const double seconds = std::chrono::duration<double>(clock_type::now() - started).count();

  tally all;
  for (auto& t : tallies) {
    all.latencies_us.insert(all.latencies_us.end(), t.latencies_us.begin(), t.latencies_us.end());
    for (auto [status, count] : t.statuses) all.statuses[status] += count;
    all.failures += t.failures;
  }
  std::ranges::sort(all.latencies_us);
  const auto done = all.latencies_us.size();
  std::printf("requests  %zu in %.2f s on %u connections: %.0f requests/s\n", done, seconds, opts.connections,
              static_cast<double>(done) / seconds);
  std::printf("latency   p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms\n",
              percentile_ms(all.latencies_us, 0.5), percentile_ms(all.latencies_us, 0.9),
              percentile_ms(all.latencies_us, 0.99), percentile_ms(all.latencies_us, 1.0));
  for (auto [status, count] : all.statuses)
    std::printf("status    %d: %llu\n", status, static_cast<unsigned long long>(count));
  std::printf("failures  %llu (connection errors and timeouts)\n",
              static_cast<unsigned long long>(all.failures));

  if (server && opts.idle_connections > 0) {
    auto idle = samaki::bench::hold_idle_connections(port, server->pid(), opts.idle_connections);
    std::printf(
        "memory    server RSS %.1f MiB after the load (peak %.1f MiB under it); with %d idle "
        "connections open %.1f MiB\n",
        static_cast<double>(idle.rss_before_kib) / 1024, static_cast<double>(idle.rss_peak_kib) / 1024,
        idle.opened, static_cast<double>(idle.rss_with_idle_kib) / 1024);
  }
  if (server) {
    const int status = server->stop();
    if (status != 0) std::printf("server exited with status %d\n", status);
    server.reset();
    std::filesystem::remove_all(scratch);
  }
  return all.failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_options(argc, argv));
  } catch (const std::invalid_argument& e) {
    std::cerr << "bench_http: " << e.what() << "\n";
    print_usage();
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "bench_http: " << e.what() << "\n";
    return 1;
  }
}
