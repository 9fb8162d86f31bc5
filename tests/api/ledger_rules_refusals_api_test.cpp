// The accounting rules over HTTP (issue 7): dates in the future, reversals of the wrong thing or dated too
// early, closed accounts, accounts still holding money, entries that belong to an operation, and periods
// reopened out of turn are each refused with their status and code, and none of them writes anything, not
// even an audit record. The edge of each date rule (tomorrow, the closing day, the entry's own day, today)
// is accepted.
#include "tests/api/refusal_support.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

using namespace samaki::api_test;

namespace {

// The id in a reply; the test stops unless the reply is `status`.
std::int64_t id_of(const json_reply& reply, int status = 201) {
  INFO(reply.raw.body);
  REQUIRE(reply.status == status);
  return reply.json.at("id").as_int64();
}

boost::json::value transfer(std::string_view date, std::string_view to, std::string_view amount) {
  return {{"type", "transfer"}, {"date", date}, {"from", "1010"}, {"to", to}, {"amount", amount}};
}

std::string json_text(const boost::json::value& v) {
  return boost::json::serialize(v);
}

}  // namespace

TEST_CASE("the accounting rules refuse over HTTP and write nothing, not even an audit record",
          "[api][ledger][rules]") {
  group_with_treasurer start;
  auto& [server, admin, group, treasurer] = start;
  const auto member = create_member(treasurer, group, "Sophea");
  const auto entries = group_path(group, "/entries");
  const auto operations = group_path(group, "/operations");
  const auto periods = group_path(group, "/periods");
  const auto entry = [&](std::int64_t id) { return entries + "/" + std::to_string(id); };
  const auto operation = [&](std::int64_t id) { return operations + "/" + std::to_string(id); };
  const auto key = [](std::string k) { return idempotency(std::move(k)); };
  const auto cash_to = [](std::string_view date, std::string_view account) {
    return entry_body(date, {line(account, "debit", "100"), line("1010", "credit", "100")});
  };

  // The books the rules are tried against.
  const auto shares =
      id_of(treasurer.post(entries, share_purchase("2026-03-10", "50000", member), key("shares")));
  const auto fine = id_of(treasurer.send(
      "POST", entries,
      entry_body("2026-03-12", {line("1010", "debit", "500"), line("4020", "credit", "500")}), key("fine")));
  const auto fine_reversal =
      id_of(treasurer.post(entry(fine) + "/reverse", {{"date", "2026-03-12"}}, key("fine-reversal")));
  const auto moved = treasurer.post(operations, transfer("2026-03-15", "1020", "1000"), key("moved"));
  const auto moved_id = id_of(moved);
  const auto moved_entry = moved.json.at("entries").at(0).at("id").as_int64();
  const auto undone =
      id_of(treasurer.post(operations, transfer("2026-03-16", "1020", "2000"), key("undone")));
  const auto undoing = id_of(treasurer.post(
      operation(undone) + "/reverse", {{"reason", "counted twice"}, {"date", "2026-03-16"}}, key("undoing")));
  REQUIRE(treasurer.post(group_path(group, "/accounts/1030/close"), {{"closed_on", "2026-06-30"}}).status ==
          200);
  const auto january = id_of(treasurer.post(periods, {{"through", "2026-01-31"}, {"kind", "month"}}));
  const auto february = id_of(treasurer.post(periods, {{"through", "2026-02-28"}, {"kind", "month"}}));
  const auto reopen = [&](std::int64_t period) { return periods + "/" + std::to_string(period) + "/reopen"; };
  const std::string reason = R"({"reason": "a receipt was found"})";

  const std::vector<refusal> by_treasurer = {
      {"a period closed through tomorrow",
       periods,
       json_text({{"through", local_day(1)}, {"kind", "month"}}),
       {},
       422,
       "date_in_future"},
      {"a period closed through the day after tomorrow",
       periods,
       json_text({{"through", local_day(2)}, {"kind", "month"}}),
       {},
       422,
       "date_in_future"},
      {"a period closed through 2062 (a typo of 2026)",
       periods,
       R"({"through": "2062-03-31", "kind": "year"})",
       {},
       422,
       "date_in_future"},
      {"an entry dated two days ahead", entries, cash_to(local_day(2), "1020"), key("ahead"), 422,
       "date_in_future"},
      {"an operation dated two days ahead", operations, json_text(transfer(local_day(2), "1020", "100")),
       key("op-ahead"), 422, "date_in_future"},
      {"a reversal dated two days ahead", entry(shares) + "/reverse", json_text({{"date", local_day(2)}}),
       key("rev-ahead"), 422, "date_in_future"},
      {"a reversal dated before its entry", entry(shares) + "/reverse", R"({"date": "2026-03-09"})",
       key("rev-early"), 422, "reversal_before_original"},
      {"an operation's reversal dated before it", operation(moved_id) + "/reverse",
       R"({"reason": "wrong box", "date": "2026-03-14"})", key("op-rev-early"), 422,
       "reversal_before_original"},
      {"reversing a reversal", entry(fine_reversal) + "/reverse", "{}", key("rev-rev"), 422,
       "reversal_of_reversal"},
      {"reversing an operation's reversal", operation(undoing) + "/reverse", R"({"reason": "undo the undo"})",
       key("op-rev-rev"), 422, "reversal_of_reversal"},
      {"reversing an entry twice", entry(fine) + "/reverse", R"({"date": "2026-03-13"})", key("rev-twice"),
       409, "conflict"},
      {"reversing an operation twice", operation(undone) + "/reverse", R"({"reason": "again"})",
       key("op-rev-twice"), 409, "conflict"},
      {"reversing one entry of an operation", entry(moved_entry) + "/reverse", "{}", key("rev-part"), 409,
       "part_of_operation"},
      {"posting to a closed account the day after it closed", entries, cash_to("2026-07-01", "1030"),
       key("closed"), 422, "account_closed"},
      // The operation's record is written before its entry is refused: the writer takes both back.
      {"an operation into a closed account", operations, json_text(transfer("2026-07-01", "1030", "100")),
       key("op-closed"), 422, "account_closed"},
      {"closing the cash box while it holds money",
       group_path(group, "/accounts/1010/close"),
       "{}",
       {},
       422,
       "account_not_empty"},
      {"closing members' shares while members hold them",
       group_path(group, "/accounts/3010/close"),
       R"({"closed_on": "2026-06-30"})",
       {},
       422,
       "account_not_empty"},
      {"closing an account on a future day",
       group_path(group, "/accounts/5030/close"),
       json_text({{"closed_on", local_day(1)}}),
       {},
       422,
       "date_in_future"},
      {"closing an account twice", group_path(group, "/accounts/1030/close"), "{}", {}, 409, "conflict"},
      {"a treasurer reopening a period", reopen(february), reason, {}, 403, "forbidden"},
  };
  const std::vector<refusal> by_admin = {
      {"reopening a period that is not the latest close", reopen(january), reason, {}, 409, "conflict"},
      {"reopening without a reason", reopen(february), R"({"reason": " "})", {}, 400, "bad_request"},
      {"reopening an unknown period", reopen(february + 100), reason, {}, 404, "not_found"},
  };

  const auto before = table_checksums(server);
  check_refused(treasurer, by_treasurer);
  check_refused(admin, by_admin);
  CHECK(table_checksums(server) == before);

  // The edge of each rule is on the allowed side.
  CHECK(treasurer.send("POST", entries, cash_to(local_day(1), "1020"), key("tomorrow")).status == 201);
  CHECK(treasurer.send("POST", entries, cash_to("2026-06-30", "1030"), key("closing-day")).status == 201);
  CHECK(treasurer.post(entry(shares) + "/reverse", {{"date", "2026-03-10"}}, key("same-day")).status == 201);
  CHECK(treasurer
            .post(operation(moved_id) + "/reverse", {{"reason", "wrong box"}, {"date", "2026-03-15"}},
                  key("op-same-day"))
            .status == 201);
  CHECK(treasurer.post(periods, {{"through", local_day(0)}, {"kind", "month"}}).status == 201);
}
