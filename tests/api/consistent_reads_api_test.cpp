// Reads made of several queries see one state of the books. GET .../verify, a member's statement and a
// member-ledger account's detail are polled on one connection while other connections post as fast as
// they can: verify never answers ok: false (before it read in one snapshot, a posting committed between
// its list of entries and its read of the chain head looked like a chain cut short), the statement never
// shows an entry on one of the member's accounts but not on the other, and the account's balance is
// always its members' total (it was not: the two came from two reads, e.g. 200.00 beside 300.00).
#include "tests/api/ledger_test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

using namespace samaki::api_test;

namespace {

constexpr int posters = 3;
constexpr auto racing = std::chrono::milliseconds(2500);

// A loan of 100 paid out as shares: both lines on member ledgers of the same member, in one entry.
boost::json::value loan_into_shares(std::int64_t member) {
  return {{"date", "2026-11-28"},
          {"memo", "race"},
          {"lines",
           {{{"account", "1100"}, {"member_id", member}, {"debit", "100"}},
            {{"account", "3010"}, {"member_id", member}, {"credit", "100"}}}}};
}

// The entry ids a statement shows on `code`, and its closing balance ("" when the account is absent).
struct statement_account {
  std::set<std::int64_t> entries;
  std::string closing;
  bool operator==(const statement_account&) const = default;
};

statement_account account_in(const boost::json::value& statement, std::string_view code) {
  statement_account out;
  for (const auto& a : statement.at("accounts").as_array()) {
    if (a.at("code").as_string() != code) continue;
    out.closing = std::string(a.at("closing").as_string());
    for (const auto& l : a.at("lines").as_array()) out.entries.insert(l.at("entry_id").as_int64());
  }
  return out;
}

// The one member's balance on a member-ledger account's detail ("0.00" before any).
std::string member_total(const boost::json::value& account) {
  const auto& members = account.at("member_balances").as_array();
  return members.empty() ? "0.00" : std::string(members.at(0).at("balance").as_string());
}

}  // namespace

TEST_CASE("verify, a statement and an account read one snapshot while postings commit beside them",
          "[api][ledger][consistency]") {
  group_with_treasurer start;
  auto& [started_server, admin, group, treasurer] = start;
  auto& server = started_server;  // a reference the posters' lambdas can capture (clang 14 cannot capture a binding)
  const auto member = create_member(treasurer, group, "Sophea");
  add_user(server, "poster", "poster's password", "treasurer", {group});
  const auto token = login_token(server, "poster", "poster's password");
  const auto entries = group_path(group, "/entries");
  const auto body = loan_into_shares(member);

  // Each poster on a connection of its own, posting until told to stop.
  std::atomic<bool> stop{false};
  std::atomic<int> posted{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < posters; ++t) {
    threads.emplace_back([&, t] {
      try {
        auto client = server.client();
        client.use_token(token);
        for (int n = 0; !stop; ++n) {
          const auto key = "race-" + std::to_string(t) + "-" + std::to_string(n);
          if (client.post(entries, body, idempotency(key)).status == 201)
            ++posted;
          else
            ++failed;
        }
      } catch (const std::exception&) {
        ++failed;
      }
    });
  }

  // Polled on one connection; problems are kept and checked on this thread (Catch2 is not thread-safe).
  const auto verify = group_path(group, "/verify");
  const auto statement = group_path(group, "/members/" + std::to_string(member) + "/statement");
  const auto account = group_path(group, "/accounts/3010");
  std::vector<std::string> problems;
  int polls = 0;
  std::int64_t last_entries = 0;
  const auto deadline = std::chrono::steady_clock::now() + racing;
  while (std::chrono::steady_clock::now() < deadline && problems.size() < 5) {
    const auto checked = treasurer.get(verify);
    if (checked.status != 200 || checked.json.at("ok") != true) {
      problems.push_back("verify: " + checked.raw.body);
    } else {
      const auto seen = checked.json.at("entries").as_int64();
      if (seen < last_entries) problems.push_back("verify went back from " + std::to_string(last_entries));
      last_entries = seen;
    }
    const auto read = treasurer.get(statement);
    if (read.status != 200) {
      problems.push_back("statement: " + read.raw.body);
    } else if (account_in(read.json, "1100") != account_in(read.json, "3010")) {
      problems.push_back("statement: 1100 and 3010 differ: " + read.raw.body.substr(0, 2000));
    }
    const auto shares = treasurer.get(account);
    if (shares.status != 200) {
      problems.push_back("account: " + shares.raw.body);
    } else if (member_total(shares.json) != shares.json.at("balance").as_string()) {
      problems.push_back("account: the balance is not its members' total: " + shares.raw.body);
    }
    ++polls;
  }
  stop = true;
  for (auto& t : threads) t.join();

  for (const auto& p : problems) UNSCOPED_INFO(p);
  CHECK(problems.empty());
  CHECK(failed == 0);
  // The reads really raced the writes: many postings committed while they ran.
  CHECK(polls >= 5);
  CHECK(posted >= 100);
  CHECK(last_entries > 0);

  const auto final_check = treasurer.get(verify);
  CHECK(final_check.json.at("ok") == true);
  CHECK(final_check.json.at("entries") == posted.load());
  const auto shares = account_in(treasurer.get(statement).json, "3010");
  CHECK(shares.entries.size() == static_cast<std::size_t>(posted.load()));
}
