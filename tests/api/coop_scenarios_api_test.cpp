// The golden cooperative and joint-task scenarios (tests/scenarios/coop/*.json, worked out by hand in
// tests/scenarios/coop/worked.py) replayed through the HTTP API, one fresh server each: the members, the
// by-laws and every operation in order, each answer compared with the worked figures (trial balance, balance
// sheet, income statement, member balances, appropriation, annual report, harvest reports). Every entry an
// operation writes balances in each currency; a refused request writes nothing; where the scenario says so,
// the chain verifies, the trial balance is zero in each currency and the real `hledger` reads the export to
// the same balances as the trial balance, in riel and in dollars.
#include "tests/api/coop_test_support.hpp"
#include "tests/api/hledger_support.hpp"
#include "tests/api/json_match.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace samaki::api_test;
namespace json = boost::json;

namespace {

const std::string scenario_folder = std::string(SAMAKI_SCENARIOS) + "/coop/";

json::object scenario(const std::string& name) {
  std::ifstream file(scenario_folder + name + ".json");
  REQUIRE(file.good());
  std::stringstream text;
  text << file.rdbuf();
  return json::parse(text.str()).as_object();
}

std::string text(const json::value& v) {
  return std::string(v.as_string());
}

// "" when `actual` holds every figure of `expected`, else one line per difference.
std::string differences(const json::value& expected, const json::value& actual) {
  std::string out;
  for (const auto& line : json_mismatches(expected, actual)) out += line + "\n";
  return out;
}

// Minor units of a decimal string ("-1234.50" -> -123450).
long long cents(std::string_view amount) {
  const bool negative = amount.starts_with('-');
  if (negative) amount.remove_prefix(1);
  const auto dot = amount.find('.');
  const auto whole = std::stoll(std::string(amount.substr(0, dot)));
  long long fraction = 0;
  if (dot != std::string_view::npos) {
    auto digits = std::string(amount.substr(dot + 1)) + "00";
    fraction = std::stoll(digits.substr(0, 2));
  }
  return (negative ? -1 : 1) * (whole * 100 + fraction);
}

// Debits less credits of each currency over an entry's lines: every one must be zero.
std::map<std::string, long long> unbalanced_currencies(const json::value& entry) {
  std::map<std::string, long long> net;
  for (const auto& line : entry.at("lines").as_array()) {
    const auto& l = line.as_object();
    const auto currency = text(l.at("currency"));
    if (const auto* debit = l.if_contains("debit")) net[currency] += cents(debit->as_string());
    if (const auto* credit = l.if_contains("credit")) net[currency] -= cents(credit->as_string());
  }
  std::erase_if(net, [](const auto& n) { return n.second == 0; });
  return net;
}

class replay {
 public:
  explicit replay(const json::object& s)
      : start_(text(s.at("group").at("kind")), text(s.at("group").at("currency"))) {
    // A fresh server numbers members 1, 2, ... in the order made, as the worked figures assume.
    for (const auto& m : s.at("members").as_array()) {
      auto made = start_.treasurer.post(group_path(start_.group, "/members"),
                                        {{"name", m.at("name")}, {"gender", m.at("gender")}});
      REQUIRE(made.status == 201);
      REQUIRE(made.json.at("id") == m.at("id"));
    }
  }

  void run(const json::object& step, std::size_t index) {
    if (step.contains("check")) return check_books();
    const auto before =
        step.contains("writes_nothing") ? table_checksums(start_.server) : std::vector<std::string>{};
    const auto reply = send(step, "step-" + std::to_string(index));
    INFO(reply.raw.body.substr(0, 3000));
    REQUIRE(reply.status == (step.contains("status") ? step.at("status").to_number<int>() : 200));
    if (const auto* error = step.if_contains("error"))
      CHECK(differences(*error, reply.json.at("error")) == "");
    if (const auto* expect = step.if_contains("expect")) CHECK(differences(*expect, reply.json) == "");
    if (step.contains("writes_nothing")) CHECK(table_checksums(start_.server) == before);
    if (const auto* name = step.if_contains("remember"))
      remembered_[text(*name)] = reply.json.at("id").as_int64();
    if (reply.status == 201 && reply.json.as_object().contains("entries"))
      for (const auto& entry : reply.json.at("entries").as_array())
        CHECK(unbalanced_currencies(entry).empty());
  }

 private:
  json_reply send(const json::object& step, const std::string& key) {
    auto& t = start_.treasurer;
    if (const auto* get = step.if_contains("get")) return t.get(group_path(start_.group, "/" + text(*get)));
    if (const auto* put = step.if_contains("put"))
      return t.send("PUT", group_path(start_.group, "/" + text(*put)), json::serialize(step.at("body")),
                    idempotency(key));
    return t.post(group_path(start_.group, "/" + with_ids(text(step.at("post")))), step.at("body"),
                  idempotency(key));
  }

  // "operations/{mistake}/reverse" -> "operations/42/reverse": the id of the operation remembered as
  // "mistake".
  std::string with_ids(std::string path) const {
    for (const auto& [name, id] : remembered_)
      if (auto at = path.find("{" + name + "}"); at != std::string::npos)
        path.replace(at, name.size() + 2, std::to_string(id));
    REQUIRE(path.find('{') == std::string::npos);
    return path;
  }

  // The chain verifies; debits equal credits in each currency; hledger balances the export as the trial
  // balance does, account by account, in riel and in dollars.
  void check_books() {
    auto& t = start_.treasurer;
    const auto verified = t.get(group_path(start_.group, "/verify"));
    REQUIRE(verified.status == 200);
    CHECK(verified.json.at("ok") == true);
    const auto trial = t.get(group_path(start_.group, "/reports/trial-balance"));
    REQUIRE(trial.status == 200);
    for (const auto& c : trial.json.at("currencies").as_array()) {
      INFO(text(c.at("currency")));
      CHECK(c.at("total_debit") == c.at("total_credit"));
    }
    const auto journal = t.get(group_path(start_.group, "/export?format=hledger"));
    REQUIRE(journal.status == 200);
    CHECK(hledger_balances(start_.server, journal.raw.body) == trial_balance_by_code(trial.json));
  }

  kind_with_treasurer start_;
  std::map<std::string, std::int64_t> remembered_;
};

void replay_scenario(const std::string& name) {
  const auto s = scenario(name);
  replay r(s);
  const auto& steps = s.at("steps").as_array();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& step = steps[i].as_object();
    INFO(name << " step " << i << ": " << text(step.at("why")));
    r.run(step, i);
  }
}

}  // namespace

TEST_CASE("a Svay Rieng rice cooperative's year replayed over HTTP gives every worked figure to the riel",
          "[api][coop][scenarios]") {
  replay_scenario("svay_rieng_rice_cooperative");
}

TEST_CASE("the Kamen cashew committee's two harvests replayed over HTTP give every worked figure",
          "[api][joint_task][scenarios]") {
  replay_scenario("kamen_cashew_committee");
}
