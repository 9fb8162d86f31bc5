// The journal endpoints through the pipeline: posting with Idempotency-Key, replays, conflicts, refusals
// that write nothing, reversal, listing with filters and cursors.
#include "tests/unit/server/api/routes_fixture.hpp"

#include <boost/json/serialize.hpp>

using namespace samaki;
using namespace samaki::test;
using server::http::status;
using server::http::verb;

namespace {

std::string entries_of(ledger::group_id g) {
  return routes_fixture::group_path(g, "/entries");
}

}  // namespace

TEST_CASE("a treasurer posts an entry, and the same key and body replay it, another body conflicts",
          "[server][routes][entries]") {
  routes_fixture f;
  const auto target = entries_of(f.savings.id);
  const auto body = share_purchase("2026-11-28", "25000", f.savers[1]);

  const auto first = f.post(target, "treasurer", body, "meeting-12");
  REQUIRE(first.status == status::created);
  const auto& e = first.json.as_object();
  CHECK(e.at("seq") == 1);
  CHECK(e.at("date") == "2026-11-28");
  CHECK(e.at("memo") == "shares");
  CHECK(e.at("created_by") == "tola");
  CHECK(e.at("reverses").is_null());
  CHECK(e.at("reversed_by").is_null());
  CHECK(e.at("prev_hash").as_string() == std::string(64, '0'));
  CHECK(e.at("hash").as_string().size() == 64);
  const auto& lines = e.at("lines").as_array();
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == boost::json::value({{"line", 1},
                                        {"account", "1010"},
                                        {"member_id", nullptr},
                                        {"debit", "25000.00"},
                                        {"currency", "KHR"},
                                        {"memo", ""}}));
  CHECK(lines[1].at("member_id") == f.savers[1].value);
  CHECK(lines[1].at("credit") == "25000.00");

  const auto before = f.checksums();
  const auto again = f.post(target, "treasurer", body, "meeting-12");
  CHECK(again.status == status::ok);
  CHECK(again.json == first.json);
  CHECK(f.changed_since(before) == no_tables);  // no second entry, no second audit record

  const auto other =
      f.post(target, "treasurer", share_purchase("2026-11-28", "30000", f.savers[1]), "meeting-12");
  CHECK(other.status == status::conflict);
  CHECK(other.code() == "idempotency_conflict");
  CHECK(f.changed_since(before) == no_tables);

  // Keys are scoped per group: the same key in another group is a new posting.
  const auto coop = f.post(entries_of(f.coop.id), "admin",
                           share_purchase("2026-11-28", "100", f.coop_members[0]), "meeting-12");
  CHECK(coop.status == status::created);
}

TEST_CASE("every accepted posting writes one audit record, and replays write none",
          "[server][routes][entries]") {
  routes_fixture f;
  const auto target = entries_of(f.savings.id);
  REQUIRE(f.post(target, "treasurer", share_purchase("2026-11-28", "5000", f.savers[0]), "k1").status ==
          status::created);
  REQUIRE(f.post(target, "treasurer", share_purchase("2026-11-28", "5000", f.savers[0]), "k1").status ==
          status::ok);
  auto reader = f.reader();
  CHECK(query_int(reader->db(), "SELECT count(*) FROM audit_log WHERE action = 'entry.post'") == 1);
  CHECK(query_int(reader->db(), "SELECT count(*) FROM audit_log WHERE username = 'tola' AND group_id = ?",
                  {f.savings.id.value}) == 1);
}

TEST_CASE("postings that are refused write nothing", "[server][routes][entries]") {
  routes_fixture f;
  const auto target = entries_of(f.savings.id);
  REQUIRE(f.post(target, "treasurer", share_purchase("2026-01-31", "5000", f.savers[0]), "first").status ==
          status::created);
  REQUIRE(f.post(f.group_path(f.savings.id, "/periods"), "treasurer",
                 {{"through", "2026-01-31"}, {"kind", "month"}})
              .status == status::created);
  const auto before = f.checksums();

  auto line = [](std::string account, std::string side, std::string amount) {
    return boost::json::value({{"account", account}, {side, amount}});
  };
  auto entry = [](boost::json::array lines) {
    return boost::json::value({{"date", "2026-11-28"}, {"memo", "x"}, {"lines", std::move(lines)}});
  };
  struct refusal {
    std::string name;
    boost::json::value body;
    status expected;
    std::string code;
  };
  const std::vector<refusal> cases = {
      {"unbalanced", entry({line("1010", "debit", "5000"), line("4020", "credit", "4000")}),
       status::unprocessable_entity, "unbalanced_entry"},
      {"unknown account", entry({line("1010", "debit", "5000"), line("9999", "credit", "5000")}),
       status::unprocessable_entity, "unknown_account"},
      {"member ledger without member", entry({line("1010", "debit", "5000"), line("3010", "credit", "5000")}),
       status::unprocessable_entity, "member_required"},
      {"amount as a number", entry({{{"account", "1010"}, {"debit", 5000}}, line("4020", "credit", "5000")}),
       status::bad_request, "bad_request"},
      {"debit and credit",
       entry({{{"account", "1010"}, {"debit", "5"}, {"credit", "5"}}, line("4020", "credit", "5")}),
       status::bad_request, "bad_request"},
      {"neither debit nor credit", entry({{{"account", "1010"}}, line("4020", "credit", "5")}),
       status::bad_request, "bad_request"},
      {"too many fraction digits", entry({line("1010", "debit", "1.005"), line("4020", "credit", "1.005")}),
       status::unprocessable_entity, "invalid_amount"},
      {"20-digit amount",
       entry({line("1010", "debit", "12345678901234567890"), line("4020", "credit", "12345678901234567890")}),
       status::unprocessable_entity, "invalid_amount"},
      {"negative amount", entry({line("1010", "debit", "-5"), line("4020", "credit", "-5")}),
       status::unprocessable_entity, "invalid_amount"},
      {"one line", entry({line("1010", "debit", "5")}), status::unprocessable_entity, "too_few_lines"},
      {"closed period",
       {{"date", "2026-01-15"}, {"lines", {line("1010", "debit", "5"), line("4020", "credit", "5")}}},
       status::conflict,
       "period_closed"},
      {"bad date",
       {{"date", "2026-02-30"}, {"lines", {line("1010", "debit", "5"), line("4020", "credit", "5")}}},
       status::unprocessable_entity,
       "invalid_date"},
      {"unknown field",
       {{"date", "2026-11-28"},
        {"lines", {line("1010", "debit", "5"), line("4020", "credit", "5")}},
        {"approved", true}},
       status::bad_request,
       "bad_request"},
      {"lines not an array", {{"date", "2026-11-28"}, {"lines", "none"}}, status::bad_request, "bad_request"},
      {"member_id zero",
       entry({line("1010", "debit", "5"), {{"account", "3010"}, {"member_id", 0}, {"credit", "5"}}}),
       status::bad_request, "bad_request"},
  };
  for (const auto& c : cases) {
    INFO(c.name << ": " << boost::json::serialize(c.body));
    const auto r = f.post(target, "treasurer", c.body, "key-" + c.name);
    CHECK(r.status == c.expected);
    CHECK(r.code() == c.code);
  }
  // A member of the cooperative named on the savings group's member ledger.
  const auto foreign =
      f.post(target, "treasurer", share_purchase("2026-11-28", "5", f.coop_members[0]), "foreign");
  CHECK(foreign.status == status::unprocessable_entity);
  CHECK(foreign.code() == "unknown_member");

  const auto missing_key = f.post(target, "treasurer", share_purchase("2026-11-28", "5", f.savers[0]));
  CHECK(missing_key.status == status::bad_request);
  CHECK(missing_key.code() == "bad_request");
  const auto long_key =
      f.post(target, "treasurer", share_purchase("2026-11-28", "5", f.savers[0]), std::string(256, 'k'));
  CHECK(long_key.status == status::bad_request);
  const auto not_json = f.call(verb::post, target, "treasurer", "{\"date\":", {{"Idempotency-Key", "nj"}});
  CHECK(not_json.status == status::bad_request);
  CHECK(not_json.code() == "invalid_json");
  const auto duplicate = f.call(verb::post, target, "treasurer",
                                R"({"date":"2026-11-28","date":"2026-11-29"})", {{"Idempotency-Key", "dup"}});
  CHECK(duplicate.code() == "invalid_json");
  CHECK(f.changed_since(before) == no_tables);
}

TEST_CASE("only admins and the group's treasurers post", "[server][routes][entries]") {
  routes_fixture f;
  const auto target = entries_of(f.savings.id);
  const auto body = share_purchase("2026-11-28", "5000", f.savers[0]);
  CHECK(f.post(target, "", body, "k").status == status::unauthorized);
  CHECK(f.post(target, "staff", body, "k").status == status::forbidden);
  CHECK(f.post(target, "member", body, "k").status == status::forbidden);
  CHECK(f.post(target, "coop-treasurer", body, "k").status == status::not_found);
  CHECK(f.post(entries_of(ledger::group_id(999)), "admin", body, "k").status == status::not_found);
  CHECK(f.post(target, "admin", body, "k").status == status::created);
}

TEST_CASE("an entry is reversed once, with its own Idempotency-Key", "[server][routes][entries]") {
  routes_fixture f;
  const auto target = entries_of(f.savings.id);
  const auto original =
      f.post(target, "treasurer", share_purchase("2026-11-28", "5000", f.savers[0]), "orig");
  REQUIRE(original.status == status::created);
  const auto id = std::to_string(original.json.at("id").as_int64());
  const auto reverse_path = target + "/" + id + "/reverse";

  CHECK(f.post(reverse_path, "treasurer", {{"date", "2026-11-29"}}).code() == "bad_request");  // no key
  const auto reversed =
      f.post(reverse_path, "treasurer", {{"date", "2026-11-29"}, {"memo", "typo"}}, "rev-1");
  REQUIRE(reversed.status == status::created);
  CHECK(reversed.json.at("reverses") == original.json.at("id"));
  CHECK(reversed.json.at("memo") == "typo");
  CHECK(reversed.json.at("lines").at(0).at("credit") == "5000.00");
  CHECK(reversed.json.at("lines").at(1).at("debit") == "5000.00");

  CHECK(f.post(reverse_path, "treasurer", {{"date", "2026-11-29"}, {"memo", "typo"}}, "rev-1").status ==
        status::ok);
  const auto twice = f.post(reverse_path, "treasurer", {{"date", "2026-11-29"}}, "rev-2");
  CHECK(twice.status == status::conflict);
  CHECK(twice.code() == "conflict");

  const auto shown = f.get(target + "/" + id, "staff");
  REQUIRE(shown.status == status::ok);
  CHECK(shown.json.at("reversed_by") == reversed.json.at("id"));

  // An empty body takes today's date and the default memo.
  const auto second = f.post(target, "treasurer", share_purchase("2026-11-28", "100", f.savers[0]), "orig-2");
  const auto empty =
      f.call(verb::post, target + "/" + std::to_string(second.json.at("id").as_int64()) + "/reverse",
             "treasurer", "", {{"Idempotency-Key", "rev-3"}});
  CHECK(empty.status == status::created);
  CHECK(empty.json.at("memo") == "Reversal of entry 3");

  auto reader = f.reader();
  CHECK(query_int(reader->db(), "SELECT count(*) FROM audit_log WHERE action = 'entry.reverse'") == 2);
  CHECK(f.post(target + "/999/reverse", "treasurer", boost::json::object(), "rev-4").status ==
        status::not_found);
}

TEST_CASE("entries are listed oldest first, filtered, and paged with an opaque cursor",
          "[server][routes][entries]") {
  routes_fixture f;
  const auto target = entries_of(f.savings.id);
  for (int i = 0; i < 5; ++i) {
    const auto date = "2026-11-0" + std::to_string(i + 1);
    REQUIRE(f.post(target, "treasurer",
                   share_purchase(date, "100", f.savers[static_cast<std::size_t>(i % 2)]),
                   "k" + std::to_string(i))
                .status == status::created);
  }
  const auto all = f.get(target, "staff");
  REQUIRE(all.status == status::ok);
  CHECK(all.json.at("items").as_array().size() == 5);
  CHECK(all.json.at("items").at(0).at("seq") == 1);
  CHECK(all.json.at("next_cursor").is_null());

  const auto page1 = f.get(target + "?limit=2", "staff");
  REQUIRE(page1.json.at("items").as_array().size() == 2);
  const std::string cursor(page1.json.at("next_cursor").as_string());
  const auto page2 = f.get(target + "?limit=2&cursor=" + cursor, "staff");
  CHECK(page2.json.at("items").at(0).at("seq") == 3);
  const auto page3 =
      f.get(target + "?limit=2&cursor=" + std::string(page2.json.at("next_cursor").as_string()), "staff");
  CHECK(page3.json.at("items").as_array().size() == 1);
  CHECK(page3.json.at("next_cursor").is_null());

  CHECK(f.get(target + "?from=2026-11-02&to=2026-11-03", "staff").json.at("items").as_array().size() == 2);
  CHECK(f.get(target + "?member_id=" + std::to_string(f.savers[1].value), "staff")
            .json.at("items")
            .as_array()
            .size() == 2);
  CHECK(f.get(target + "?account=1010", "staff").json.at("items").as_array().size() == 5);
  CHECK(f.get(target + "?account=4020", "staff").json.at("items").as_array().empty());

  CHECK(f.get(target + "?from=2026-13-01", "staff").code() == "invalid_date");
  CHECK(f.get(target + "?limit=0", "staff").status == status::bad_request);
  CHECK(f.get(target + "?limit=1001", "staff").status == status::bad_request);
  CHECK(f.get(target + "?limit=1000", "staff").status == status::ok);
  CHECK(f.get(target + "?cursor=zz", "staff").status == status::bad_request);
  CHECK(f.get(target + "?member_id=x", "staff").status == status::bad_request);
  CHECK(f.get(target, "member").status == status::forbidden);
  CHECK(f.get(target + "/1", "coop-treasurer").status == status::not_found);
  // An entry of another group is not found under this one.
  const auto coop =
      f.post(entries_of(f.coop.id), "admin", share_purchase("2026-11-28", "1", f.coop_members[0]), "c");
  CHECK(f.get(target + "/" + std::to_string(coop.json.at("id").as_int64()), "admin").status ==
        status::not_found);
}

TEST_CASE("a posting may state the balances it must leave, else it is refused", "[server][routes][entries]") {
  routes_fixture f;
  const auto target = entries_of(f.savings.id);
  auto with_expect = [&](std::string amount, boost::json::array expect) {
    auto body = share_purchase("2026-11-28", amount, f.savers[0]);
    body.as_object()["expect"] = std::move(expect);
    return body;
  };
  const auto held = f.post(
      target, "treasurer",
      with_expect("5000", {{{"account", "1010"}, {"balance", "5000"}},
                           {{"account", "3010"}, {"member_id", f.savers[0].value}, {"balance", "5000.00"}}}),
      "k1");
  CHECK(held.status == status::created);

  const auto before = f.checksums();
  const auto failed =
      f.post(target, "treasurer", with_expect("5000", {{{"account", "1010"}, {"balance", "9999"}}}), "k2");
  CHECK(failed.status == status::unprocessable_entity);
  CHECK(failed.code() == "balance_assertion_failed");
  CHECK(failed.json.at("error").at("details").at("actual") == "10000.00");
  CHECK(f.post(target, "treasurer", with_expect("1", {{{"account", "1010"}, {"balance", 5001}}}), "k3")
            .code() == "bad_request");
  CHECK(f.post(target, "treasurer",
               with_expect("1", {{{"account", "1010"}, {"balance", "1"}, {"at", "now"}}}), "k4")
            .code() == "bad_request");
  CHECK(f.changed_since(before) == no_tables);
}
