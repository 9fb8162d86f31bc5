// The golden savings-group scenarios (every tests/scenarios/*.json, worked out by tests/scenarios/worked.py)
// replayed over HTTP against a real server, one fresh server each: the members, then every step in order,
// each answer compared with the worked figures (balances, loans, passbooks, portfolio, cycle summary,
// share-out preview and sheet, the ledger reports), a refused step checked to have written nothing (every
// table's checksum), and the books checked where the scenario says so: the chain verifies, the trial
// balance balances, and hledger reads the export to the same balances.
#include "tests/api/hledger_support.hpp"
#include "tests/api/json_match.hpp"
#include "tests/api/ledger_test_support.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace samaki::api_test;
namespace json = boost::json;

namespace {

std::vector<std::string> scenario_files() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(SAMAKI_SCENARIOS))
    if (entry.path().extension() == ".json") out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

json::value read_json(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

std::string text_of(const json::value& v) {
  return std::string(v.as_string());
}

void check_matches(const json::value& expected, const json::value& actual) {
  const auto mismatches = json_mismatches(expected, actual);
  std::string all;
  for (const auto& m : mismatches) all += m + "\n";
  INFO(all);
  CHECK(mismatches.empty());
}

// The chain verifies, debits equal credits, and hledger balances the export as the trial balance does.
void check_books(const test_server& server, api_client& client, std::int64_t group) {
  const auto verify = client.get(group_path(group, "/verify"));
  REQUIRE(verify.status == 200);
  CHECK(verify.json.at("ok") == true);
  CHECK(verify.json.at("first_bad_seq").is_null());
  const auto trial = client.get(group_path(group, "/reports/trial-balance"));
  REQUIRE(trial.status == 200);
  for (const auto& c : trial.json.at("currencies").as_array())
    CHECK(c.at("total_debit") == c.at("total_credit"));
  const auto journal = client.get(group_path(group, "/export?format=hledger"));
  REQUIRE(journal.status == 200);
  if (!hledger_installed()) {
    WARN("hledger is not installed (scripts/install-deps installs it): the export is not checked by hledger");
    return;
  }
  const auto from_hledger = hledger_balances(server, journal.raw.body);
  CHECK(from_hledger == trial_balance_by_code(trial.json));
}

void run_step(const test_server& server, api_client& client, std::int64_t group, const json::object& step,
              const std::string& key) {
  if (const auto* check = step.if_contains("check")) {
    REQUIRE(text_of(*check) == "books");
    check_books(server, client, group);
    return;
  }
  const bool posting = step.contains("post");
  const auto target = group_path(group, "/" + text_of(posting ? step.at("post") : step.at("get")));
  const auto status = step.contains("status") ? step.at("status").to_number<int>() : 200;
  const auto before = posting && status >= 400 ? table_checksums(server) : std::vector<std::string>{};
  const auto reply = posting ? client.post(target, step.at("body"), idempotency(key)) : client.get(target);
  INFO(reply.raw.body.substr(0, 2000));
  REQUIRE(reply.status == status);
  if (posting && status >= 400) CHECK(table_checksums(server) == before);  // a refusal writes nothing
  if (const auto* error = step.if_contains("error")) check_matches(*error, reply.json.at("error"));
  if (const auto* expect = step.if_contains("expect")) check_matches(*expect, reply.json);
}

}  // namespace

TEST_CASE("golden savings-group scenarios replayed over HTTP give every worked figure to the riel",
          "[api][savings][scenarios]") {
  const auto files = scenario_files();
  REQUIRE(files.size() >= 3);
  const auto file = GENERATE_COPY(from_range(files));
  INFO(file);
  const auto scenario = read_json(file).as_object();
  test_server server;
  auto admin = signed_in_as(server, "admin");
  const auto& group_spec = scenario.at("group");
  const auto group = create_group(admin, text_of(group_spec.at("kind")), text_of(group_spec.at("currency")));
  auto treasurer = signed_in_as(server, "treasurer", {group});
  // Members in order: a fresh server numbers them 1, 2, ... as the scenario's figures assume.
  for (const auto& m : scenario.at("members").as_array()) {
    json::object body{{"name", m.at("name")}, {"gender", m.at("gender")}};
    if (const auto* joined = m.as_object().if_contains("joined_on")) body["joined_on"] = *joined;
    const auto made = treasurer.post(group_path(group, "/members"), body);
    REQUIRE(made.status == 201);
    REQUIRE(made.json.at("id") == m.at("id"));
  }
  const auto& steps = scenario.at("steps").as_array();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& step = steps[i].as_object();
    INFO("step " << i << ": " << text_of(step.at("why")));
    run_step(server, treasurer, group, step, "step-" + std::to_string(i));
  }
}
