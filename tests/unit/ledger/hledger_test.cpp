#include "ledger/reports/hledger.hpp"
#include "ledger/demo.hpp"
#include "ledger/money.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/read_session.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

using namespace samaki::ledger;

namespace {

std::string run_command(const std::string& command) {
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    while (auto n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    if (::pclose(pipe) != 0) return "FAILED:\n" + out;
  }
  return out;
}

}  // namespace

TEST_CASE("the hledger export balances like the trial balance, checked by hledger itself", "[export]") {
  samaki::test::temp_dir dir;
  {
    store s(samaki::test::test_store_options(dir.file("demo.db")));
    load_demo(s);
  }
  read_session r(dir.file("demo.db"));
  for (const auto& g : list_groups(r.db(), std::nullopt)) {
    auto journal = hledger_journal(r.db(), g.id);
    CHECK(journal.find("hash:") != std::string::npos);
    auto file = dir.file("group" + std::to_string(g.id.value) + ".journal");
    std::ofstream(file) << journal;
    // Per account code and currency, hledger's balance must equal the trial balance's net.
    std::map<std::string, std::string> expected;
    for (const auto& c : trial_balance(r.db(), g.id, std::nullopt)) {
      std::string currency(c.currency.code());
      for (const auto& row : c.rows)
        expected[row.code + " " + currency] = subtract(row.debit, row.credit)->amount_text();
    }
    for (const auto& [key, amount] : expected) {
      auto code = key.substr(0, key.find(' '));
      auto currency = key.substr(key.find(' ') + 1);
      // Summing everything under the account (members included) in that currency.
      auto out = run_command("hledger -f " + file +
                             " balance --no-total -N --depth 2 -O csv cur:" + currency + " 2>&1");
      INFO(out);
      REQUIRE(out.rfind("FAILED", 0) != 0);
      CHECK(out.find(code) != std::string::npos);
      CHECK(out.find(amount + " " + currency) != std::string::npos);
    }
    // ledger-cli reads it too and finds it balanced.
    auto ledger_out = run_command("ledger -f " + file + " balance 2>&1");
    INFO(ledger_out);
    CHECK(ledger_out.rfind("FAILED", 0) != 0);
  }
}
