// Closing periods and their seals, the trial balance as JSON and CSV, verify, and the audit list.
#include "ledger/seal.hpp"
#include "server/api/csv.hpp"
#include "tests/unit/server/api/routes_fixture.hpp"

#include <set>

using namespace samaki;
using namespace samaki::test;
using server::http::status;

TEST_CASE("seal words: 256 distinct words, six per head, from its first six bytes",
          "[server][routes][periods]") {
  const auto& list = ledger::seal_word_list();
  CHECK(std::set<std::string_view>(list.begin(), list.end()).size() == 256);
  const auto words = ledger::seal_words("00ff01" + std::string(58, '0'));
  REQUIRE(words);
  CHECK((*words)[0] == list[0]);
  CHECK((*words)[1] == list[255]);
  CHECK((*words)[2] == list[1]);
  CHECK((*words)[5] == list[0]);
  CHECK_FALSE(ledger::seal_words("not hex"));
}

TEST_CASE("closing a period seals the chain and refuses earlier postings", "[server][routes][periods]") {
  routes_fixture f;
  const auto periods = routes_fixture::group_path(f.savings.id, "/periods");
  const auto entries = routes_fixture::group_path(f.savings.id, "/entries");
  const auto posted = f.post(entries, "treasurer", share_purchase("2026-01-10", "5000", f.savers[0]), "a");
  REQUIRE(posted.status == status::created);

  const auto before = f.checksums();
  CHECK(f.post(periods, "treasurer", {{"through", "2026-01-31"}}).code() == "bad_request");
  CHECK(f.post(periods, "treasurer", {{"through", "2026-01-31"}, {"kind", "week"}}).code() == "bad_request");
  CHECK(f.post(periods, "treasurer", {{"through", "31/01/2026"}, {"kind", "month"}}).code() ==
        "invalid_date");
  CHECK(f.post(periods, "staff", {{"through", "2026-01-31"}, {"kind", "month"}}).status == status::forbidden);
  CHECK(f.changed_since(before) == no_tables);

  const auto closed = f.post(periods, "treasurer", {{"through", "2026-01-31"}, {"kind", "month"}});
  REQUIRE(closed.status == status::created);
  CHECK(closed.json.at("through") == "2026-01-31");
  CHECK(closed.json.at("kind") == "month");
  CHECK(closed.json.at("closed_by") == "tola");
  const auto& seal = closed.json.at("seal");
  CHECK(seal.at("head") == posted.json.at("hash"));
  CHECK(seal.at("code").as_string().size() == 12);
  REQUIRE(seal.at("words").as_array().size() == 6);
  const auto words = ledger::seal_words(std::string(seal.at("head").as_string()));
  CHECK(seal.at("words").at(0).as_string() == (*words)[0]);

  CHECK(f.post(periods, "treasurer", {{"through", "2026-01-15"}, {"kind", "month"}}).code() ==
        "period_closed");
  CHECK(f.post(entries, "treasurer", share_purchase("2026-01-31", "5000", f.savers[0]), "b").code() ==
        "period_closed");
  CHECK(f.post(entries, "treasurer", share_purchase("2026-02-01", "5000", f.savers[0]), "c").status ==
        status::created);

  const auto list = f.get(periods, "member");
  REQUIRE(list.status == status::ok);
  CHECK(list.json.at("items").as_array().size() == 1);
  CHECK(list.json.at("items").at(0) == closed.json);

  // The seal checks out against the chain, typed the way people copy it.
  std::string code(seal.at("code").as_string());
  const auto verified = f.get(routes_fixture::group_path(f.savings.id, "/verify?seal=") + code, "member");
  REQUIRE(verified.status == status::ok);
  CHECK(verified.json.at("ok") == true);
  CHECK(verified.json.at("entries") == 2);
  CHECK(verified.json.at("first_bad_seq").is_null());
  CHECK(verified.json.at("seal_ok") == true);
  CHECK(f.get(routes_fixture::group_path(f.savings.id, "/verify?seal=ZZZZZZZZZZZZ"), "member")
            .json.at("seal_ok") == false);
  CHECK_FALSE(f.get(routes_fixture::group_path(f.savings.id, "/verify"), "member")
                  .json.as_object()
                  .contains("seal_ok"));
  CHECK(f.get(routes_fixture::group_path(f.coop.id, "/verify"), "member").status == status::not_found);
}

TEST_CASE("the trial balance per currency, as JSON and as CSV", "[server][routes][reports]") {
  routes_fixture f;
  const auto entries = routes_fixture::group_path(f.savings.id, "/entries");
  REQUIRE(f.post(entries, "treasurer", share_purchase("2026-01-10", "5000", f.savers[0]), "a").status ==
          status::created);
  REQUIRE(f.post(entries, "treasurer", share_purchase("2026-03-10", "2500", f.savers[1]), "b").status ==
          status::created);
  const auto report = routes_fixture::group_path(f.savings.id, "/reports/trial-balance");

  const auto all = f.get(report, "member");
  REQUIRE(all.status == status::ok);
  CHECK(all.json.at("as_of").is_null());
  const auto& khr = all.json.at("currencies").at(0);
  CHECK(khr.at("currency") == "KHR");
  CHECK(khr.at("total_debit") == "7500.00");
  CHECK(khr.at("total_credit") == "7500.00");
  CHECK(khr.at("rows").at(0).at("code") == "1010");
  CHECK(khr.at("rows").at(0).at("debit") == "7500.00");
  CHECK(khr.at("rows").at(0).at("credit") == "0.00");

  const auto earlier = f.get(report + "?as_of=2026-02-01", "treasurer");
  CHECK(earlier.json.at("as_of") == "2026-02-01");
  CHECK(earlier.json.at("currencies").at(0).at("total_debit") == "5000.00");

  const auto csv = f.get(report + "?format=csv", "staff");
  REQUIRE(csv.status == status::ok);
  CHECK(csv.content_type == "text/csv; charset=utf-8");
  CHECK(csv.body.starts_with("currency,code,name,name_km,type,debit,credit\r\n"));
  CHECK(csv.body.find("KHR,1010,") != std::string::npos);
  CHECK(csv.body.find(",asset,7500.00,0.00\r\n") != std::string::npos);

  CHECK(f.get(report + "?format=xml", "staff").code() == "bad_request");
  CHECK(f.get(report + "?as_of=yesterday", "staff").code() == "invalid_date");
  CHECK(f.get(routes_fixture::group_path(f.coop.id, "/reports/trial-balance"), "member").status ==
        status::not_found);
}

TEST_CASE("the audit list: admin sees all, staff only their groups", "[server][routes][audit]") {
  routes_fixture f;
  REQUIRE(f.post(routes_fixture::group_path(f.savings.id, "/entries"), "treasurer",
                 share_purchase("2026-01-10", "5000", f.savers[0]), "a")
              .status == status::created);
  REQUIRE(f.post(routes_fixture::group_path(f.coop.id, "/members"), "coop-treasurer", {{"name", "Vanna"}})
              .status == status::created);

  const auto everything = f.get("/api/v1/audit", "admin");
  REQUIRE(everything.status == status::ok);
  REQUIRE(everything.json.at("items").as_array().size() == 2);
  const auto& post = everything.json.at("items").at(0);
  CHECK(post.at("action") == "entry.post");
  CHECK(post.at("username") == "tola");
  CHECK(post.at("user_id") == 2);
  CHECK(post.at("group_id") == f.savings.id.value);
  CHECK(post.at("target") == "entry 1");
  CHECK(post.at("address") == "127.0.0.1");
  CHECK(post.at("request_id").as_string().size() == 16);

  const auto staff = f.get("/api/v1/audit", "staff");
  CHECK(staff.json.at("items").as_array().size() == 1);
  CHECK(f.get("/api/v1/audit?group_id=" + std::to_string(f.coop.id.value), "staff").status ==
        status::not_found);
  CHECK(f.get("/api/v1/audit?group_id=" + std::to_string(f.coop.id.value), "admin")
            .json.at("items")
            .at(0)
            .at("action") == "member.create");
  CHECK(f.get("/api/v1/audit?from=2000-01-01&to=2000-12-31", "admin").json.at("items").as_array().empty());
  CHECK(f.get("/api/v1/audit?from=2000-13-01", "admin").code() == "invalid_date");
  const auto first = f.get("/api/v1/audit?limit=1", "admin");
  const auto second =
      f.get("/api/v1/audit?limit=1&cursor=" + std::string(first.json.at("next_cursor").as_string()), "admin");
  CHECK(second.json.at("items").at(0).at("action") == "member.create");
  CHECK(f.get("/api/v1/audit", "treasurer").status == status::forbidden);
  CHECK(f.get("/api/v1/audit", "member").status == status::forbidden);
}
