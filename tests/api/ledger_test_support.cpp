#include "tests/api/ledger_test_support.hpp"
#include "tests/api/table_checksums.hpp"

#include "ledger/journal/hash_chain.hpp"
#include "ledger/store/sqlite.hpp"

#include <sys/wait.h>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace samaki::api_test {
namespace {

std::filesystem::path db_path(const test_server& server) {
  return server.folder() / "samaki.db";
}

// Single quotes for the shell; test names and paths are ours, but a quote in a temp path must not break it.
std::string shell_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A column's value with its type, so 1, 1.0, '1' and NULL all differ.
void append_value(std::string& row, sqlite3_stmt* s, int column) {
  switch (sqlite3_column_type(s, column)) {
    case SQLITE_NULL: row += "N;"; return;
    case SQLITE_INTEGER: row += "I" + std::to_string(sqlite3_column_int64(s, column)) + ";"; return;
    case SQLITE_FLOAT: row += "F" + std::to_string(sqlite3_column_double(s, column)) + ";"; return;
    default: {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(s, column));
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(s, column));
      row += "T" + std::to_string(size) + ":" +
             std::string(bytes == nullptr ? "" : std::string(bytes, size)) + ";";
    }
  }
}

}  // namespace

void add_user(const test_server& server, std::string_view username, std::string_view password,
              std::string_view role, const std::vector<std::int64_t>& groups,
              std::optional<std::int64_t> member) {
  const auto log = server.folder() / "user_add.log";
  std::string command = "cd " + shell_quoted(server.folder().string()) + " && " +
                        shell_quoted(SAMAKI_BINARY) + " user add --db " +
                        shell_quoted(db_path(server).string()) + " --username " + shell_quoted(username) +
                        " --role " + shell_quoted(role);
  for (auto g : groups) command += " --group " + std::to_string(g);
  if (member) command += " --member " + std::to_string(*member);
  command += " > " + shell_quoted(log.string()) + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "w");
  if (pipe == nullptr) throw std::runtime_error("could not run " + command);
  const std::string input = std::string(password) + "\n";
  std::fwrite(input.data(), 1, input.size(), pipe);
  const int status = ::pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("samaki user add failed: " + read_file(log));
}

std::string login_token(const test_server& server, std::string_view username, std::string_view password) {
  auto client = server.client();
  const auto reply = client.post("/api/v1/auth/login", {{"username", username}, {"password", password}});
  if (reply.status != 200 || !reply.json.is_object() || !reply.json.as_object().contains("token"))
    throw std::runtime_error("login of " + std::string(username) + " failed: " + reply.raw.body);
  return std::string(reply.json.at("token").as_string());
}

api_client sign_in(const test_server& server, std::string_view username, std::string_view password) {
  auto client = server.client();
  client.use_token(login_token(server, username, password));
  return client;
}

api_client signed_in_as(const test_server& server, std::string_view role,
                        const std::vector<std::int64_t>& groups, std::optional<std::int64_t> member) {
  static std::atomic<int> counter{0};
  const std::string username = std::string(role) + "-" + std::to_string(++counter);
  const std::string password = "correct horse " + username;
  add_user(server, username, password, role, groups, member);
  return sign_in(server, username, password);
}

group_with_treasurer::group_with_treasurer()
    : admin(signed_in_as(server, "admin")),
      group(create_group(admin)),
      treasurer(signed_in_as(server, "treasurer", {group})) {}

std::int64_t create_group(api_client& admin, std::string_view kind, std::string_view currency) {
  const auto reply = admin.post(
      "/api/v1/groups", {{"name", "Group " + std::string(kind)}, {"kind", kind}, {"currency", currency}});
  if (reply.status != 201) throw std::runtime_error("creating a group failed: " + reply.raw.body);
  return reply.json.at("id").as_int64();
}

std::int64_t create_member(api_client& client, std::int64_t group, std::string_view name) {
  const auto reply = client.post(group_path(group, "/members"), {{"name", name}});
  if (reply.status != 201) throw std::runtime_error("creating a member failed: " + reply.raw.body);
  return reply.json.at("id").as_int64();
}

std::string group_path(std::int64_t group, std::string_view rest) {
  return "/api/v1/groups/" + std::to_string(group) + std::string(rest);
}

boost::json::value share_purchase(std::string_view date, std::string_view amount, std::int64_t member) {
  return {{"date", date},
          {"memo", "shares"},
          {"lines",
           {{{"account", "1010"}, {"debit", amount}},
            {{"account", "3010"}, {"member_id", member}, {"credit", amount}}}}};
}

std::vector<http_header> idempotency(std::string key) {
  return {{"Idempotency-Key", std::move(key)}};
}

std::vector<std::string> table_checksums(const test_server& server) {
  return table_checksums(db_path(server));
}

std::vector<std::string> table_checksums(const std::filesystem::path& path) {
  using namespace samaki::ledger;
  sqlite::connection db(path.string(), sqlite::open_mode::read_only);
  std::vector<std::string> tables;
  {
    sqlite::statement s(db.handle(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (s.step()) tables.push_back(s.column_text(0));
  }
  std::vector<std::string> out;
  for (const auto& table : tables) {
    // The names come from sqlite_master, not from input.
    sqlite::statement s(db.handle(), "SELECT * FROM \"" + table + "\"");
    const int columns = sqlite3_column_count(s.handle());
    std::vector<std::string> rows;
    while (s.step()) {
      std::string row;
      for (int c = 0; c < columns; ++c) append_value(row, s.handle(), c);
      rows.push_back(std::move(row));
    }
    // Sorted, so the checksum depends on what the rows hold and not on the order a query returns them.
    std::ranges::sort(rows);
    std::string all;
    for (const auto& row : rows) all += std::to_string(row.size()) + ":" + row + "\n";
    out.push_back(table + " rows=" + std::to_string(rows.size()) + " sha256=" + to_hex(sha256(all)));
  }
  return out;
}

}  // namespace samaki::api_test
