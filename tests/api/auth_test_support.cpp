#include "tests/api/auth_test_support.hpp"

#include "ledger/store/read_session.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace samaki::api_test {
namespace {

std::string shell_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

command_result run_samaki(const test_server& server, std::vector<std::string> args, std::string_view input) {
  const auto folder = server.folder();
  std::ofstream(folder / "cli.in", std::ios::binary) << input;
  std::string command = shell_quoted(SAMAKI_BINARY);
  for (const auto& a : args) command += " " + shell_quoted(a);
  command += " --db " + shell_quoted((folder / "samaki.db").string());
  command += " <" + shell_quoted((folder / "cli.in").string()) + " >" +
             shell_quoted((folder / "cli.out").string()) + " 2>" +
             shell_quoted((folder / "cli.err").string());
  const int status = std::system(command.c_str());
  command_result result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_all(folder / "cli.out");
  result.err = read_all(folder / "cli.err");
  return result;
}

std::int64_t add_user(const test_server& server, std::string username, std::string role, std::string password,
                      std::vector<std::string> more_flags) {
  std::vector<std::string> args = {"user",   "add",          "--username", std::move(username),
                                   "--role", std::move(role)};
  args.insert(args.end(), more_flags.begin(), more_flags.end());
  const auto made = run_samaki(server, std::move(args), password + "\n");
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  return std::stoll(made.out);
}

json_reply login(api_client& client, std::string_view username, std::string_view password) {
  return client.post("/api/v1/auth/login", {{"username", username}, {"password", password}});
}

api_client signed_in(const test_server& server, std::string_view username, std::string_view password) {
  auto client = server.client();
  const auto reply = login(client, username, password);
  REQUIRE(reply.status == 200);
  client.use_token(std::string(reply.json.at("token").as_string()));
  return client;
}

std::vector<ledger::audit_record> audit_log(const test_server& server) {
  ledger::read_session reads((server.folder() / "samaki.db").string());
  ledger::audit_filter everything;
  everything.limit = 100000;
  return ledger::list_audit(reads.db(), everything);
}

std::vector<ledger::audit_record> audit_log(const test_server& server, std::string_view action) {
  auto records = audit_log(server);
  std::erase_if(records, [&](const auto& r) { return r.action != action; });
  return records;
}

}  // namespace samaki::api_test
