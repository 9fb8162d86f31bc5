#include "ledger_scenarios.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace samaki::bench {
namespace {

using client::http_connection;
using client::http_header;

boost::json::value call(http_connection& c, const std::string& method, const std::string& path,
                        const std::string& body, const std::string& token) {
  std::vector<http_header> headers = {{"Content-Type", "application/json"}};
  if (!token.empty()) headers.push_back({"Authorization", "Bearer " + token});
  auto reply = c.request(method, path, body, headers);
  if (reply.status >= 300)
    throw std::runtime_error(method + " " + path + " answered " + std::to_string(reply.status) + ": " +
                             reply.body);
  return boost::json::parse(reply.body);
}

// A line of /proc/PID/status in KiB ("VmRSS:", "VmHWM:"), or -1.
long status_kib(int pid, const std::string& wanted) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  long value = 0;
  while (status >> key) {
    if (key == wanted) {
      status >> value;
      return value;
    }
    status.ignore(1 << 12, '\n');
  }
  return -1;
}

}  // namespace

void create_admin(const std::string& samaki_binary, const std::string& db_path) {
  std::string command = samaki_binary + " user add --username " + bench_username + " --role admin --db '" +
                        db_path + "' > /dev/null";
  FILE* pipe = ::popen(command.c_str(), "w");
  if (!pipe) throw std::runtime_error("cannot run " + samaki_binary);
  std::fprintf(pipe, "%s\n", bench_password);
  if (::pclose(pipe) != 0) throw std::runtime_error("samaki user add failed");
}

ledger_fixture set_up_ledger(std::uint16_t port, int members) {
  http_connection c(port);
  ledger_fixture f;
  auto login = call(
      c, "POST", "/api/v1/auth/login",
      boost::json::serialize(boost::json::object{{"username", bench_username}, {"password", bench_password}}),
      "");
  f.token = login.at("token").as_string().c_str();
  auto group = call(c, "POST", "/api/v1/groups",
                    R"({"name":"Bench savings group","kind":"savings_group","currency":"KHR"})", f.token);
  f.group = group.at("id").as_int64();
  for (int i = 0; i < members; ++i) {
    auto member = call(c, "POST", "/api/v1/groups/" + std::to_string(f.group) + "/members",
                       R"({"name":"Member )" + std::to_string(i) + R"("})", f.token);
    f.members.push_back(member.at("id").as_int64());
  }
  return f;
}

void add_meeting_groups(ledger_fixture& f, std::uint16_t port, int groups, int members,
                        unsigned connections) {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const auto start = std::chrono::year_month_day{today - std::chrono::days{30}};
  char start_text[16];
  std::snprintf(start_text, sizeof start_text, "%04d-%02u-%02u", static_cast<int>(start.year()),
                static_cast<unsigned>(start.month()), static_cast<unsigned>(start.day()));
  std::vector<savings_group_ids> made(static_cast<std::size_t>(groups));
  std::atomic<int> next{0};
  std::vector<std::string> failures(connections);
  {
    std::vector<std::jthread> workers;
    for (unsigned c = 0; c < connections; ++c)
      workers.emplace_back([&, c] {
        try {
          http_connection connection(port);
          for (int i = next++; i < groups; i = next++) {
            auto& g = made[static_cast<std::size_t>(i)];
            auto group = call(connection, "POST", "/api/v1/groups",
                              R"({"name":"Meeting group )" + std::to_string(i) +
                                  R"(","kind":"savings_group","currency":"KHR"})",
                              f.token);
            g.group = group.at("id").as_int64();
            const auto path = "/api/v1/groups/" + std::to_string(g.group);
            for (int m = 0; m < members; ++m)
              g.members.push_back(call(connection, "POST", path + "/members",
                                       R"({"name":"Member )" + std::to_string(m) + R"("})", f.token)
                                      .at("id")
                                      .as_int64());
            call(connection, "POST", path + "/cycles",
                 std::string(R"({"start":")") + start_text +
                     R"(","share_value":"5000","social_fund_per_meeting":"1000"})",
                 f.token);
          }
        } catch (const std::exception& e) {
          failures[c] = e.what();
        }
      });
  }
  for (const auto& failure : failures)
    if (!failure.empty()) throw std::runtime_error("making the meeting groups: " + failure);
  f.meeting_groups = std::move(made);
}

bool is_ledger_scenario(const std::string& name) {
  return name == "post" || name == "balances" || name == "trial-balance" || name == "meeting";
}

std::vector<ledger_request> ledger_requests(const std::string& scenario, const ledger_fixture& f) {
  auto group_path = "/api/v1/groups/" + std::to_string(f.group);
  std::vector<ledger_request> out;
  if (scenario == "post") {
    // One template per member, so the mix spreads postings over every member's balance.
    for (auto member : f.members)
      out.push_back({"POST", group_path + "/entries",
                     R"({"date":"2026-06-01","memo":"Meeting {n}: shares and a fine","lines":[)"
                     R"({"account":"1010","debit":"25000"},{"account":"3010","member_id":)" +
                         std::to_string(member) +
                         R"(,"credit":"20000"},{"account":"4020","credit":"5000"}]})",
                     true});
  } else if (scenario == "balances") {
    out.push_back({"GET", group_path + "/accounts", "", false});
  } else if (scenario == "meeting") {
    if (f.meeting_groups.empty()) throw std::invalid_argument("the meeting scenario needs meeting groups");
    const auto today =
        std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(today.year()),
                  static_cast<unsigned>(today.month()), static_cast<unsigned>(today.day()));
    for (const auto& g : f.meeting_groups) {
      boost::json::array rows;
      for (auto member : g.members)
        rows.push_back(boost::json::object{{"member_id", member}, {"shares", 1}, {"social_fund", true}});
      out.push_back({"POST", "/api/v1/groups/" + std::to_string(g.group) + "/operations",
                     boost::json::serialize(boost::json::object{
                         {"type", "meeting"}, {"date", date}, {"members", std::move(rows)}}),
                     true});
    }
  } else if (scenario == "trial-balance") {
    out.push_back({"GET", group_path + "/reports/trial-balance", "", false});
  } else {
    throw std::invalid_argument("unknown ledger scenario " + scenario);
  }
  return out;
}

idle_report hold_idle_connections(std::uint16_t port, int server_pid, int count) {
  idle_report report;
  report.rss_before_kib = status_kib(server_pid, "VmRSS:");
  report.rss_peak_kib = status_kib(server_pid, "VmHWM:");
  std::vector<int> sockets;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (int i = 0; i < count; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) break;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      ::close(fd);
      break;
    }
    sockets.push_back(fd);
  }
  report.opened = static_cast<int>(sockets.size());
  // Let the server accept them all and start each connection's read.
  std::this_thread::sleep_for(std::chrono::seconds(2));
  report.rss_with_idle_kib = status_kib(server_pid, "VmRSS:");
  for (int fd : sockets) ::close(fd);
  return report;
}

}  // namespace samaki::bench
