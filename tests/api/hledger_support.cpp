#include "tests/api/hledger_support.hpp"

#include <cstdio>
#include <fstream>
#include <regex>

namespace samaki::api_test {
namespace {

// Standard output and error of a shell command, prefixed "FAILED:" when it exits non-zero.
std::string run_shell(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return "FAILED: could not run " + command;
  char buffer[4096];
  while (auto n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  if (::pclose(pipe) != 0) return "FAILED:\n" + out;
  return out;
}

}  // namespace

std::map<std::string, std::string> hledger_balances(const test_server& server, const std::string& journal) {
  const auto file = server.folder() / "export.journal";
  std::ofstream(file, std::ios::binary) << journal;
  const auto out =
      run_shell("hledger -f - balance --no-total -N --depth 2 -O csv < '" + file.string() + "' 2>&1");
  if (out.starts_with("FAILED")) return {{"FAILED", out}};  // Catch prints the map when a check fails
  std::map<std::string, std::string> balances;
  const std::regex row(R"re("\w+:(\d+) [^"]*","([^"]+)")re");
  for (std::sregex_iterator it(out.begin(), out.end(), row), end; it != end; ++it)
    balances[(*it)[1]] = (*it)[2];
  return balances;
}

std::map<std::string, std::string> trial_balance_by_code(const boost::json::value& trial_balance) {
  std::map<std::string, std::string> out;
  for (const auto& c : trial_balance.at("currencies").as_array()) {
    const std::string currency(c.at("currency").as_string());
    for (const auto& r : c.at("rows").as_array()) {
      const std::string debit(r.at("debit").as_string()), credit(r.at("credit").as_string());
      out[std::string(r.at("code").as_string())] = (debit != "0.00" ? debit : "-" + credit) + " " + currency;
    }
  }
  return out;
}

}  // namespace samaki::api_test
