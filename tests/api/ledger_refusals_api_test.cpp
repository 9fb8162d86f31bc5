// "A rejected request writes nothing": every refusal below leaves every table of the database as it was
// (entries, lines, balances, idempotency keys, members, accounts, periods and the audit log alike).
#include "tests/api/refusal_support.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

using namespace samaki::api_test;

TEST_CASE("refused requests write nothing, not even an audit record", "[api][ledger]") {
  group_with_treasurer start;
  auto& [server, admin, group, treasurer] = start;
  const auto other_group = create_group(admin, "agri_cooperative");
  const auto member = create_member(treasurer, group, "Sophea");
  const auto stranger = create_member(admin, other_group, "Dara");
  const auto entries = group_path(group, "/entries");
  REQUIRE(treasurer.post(entries, share_purchase("2026-01-10", "5000", member), idempotency("jan")).status ==
          201);
  REQUIRE(
      treasurer.post(group_path(group, "/periods"), {{"through", "2026-01-31"}, {"kind", "month"}}).status ==
      201);

  const auto key = [](std::string k) { return idempotency(std::move(k)); };
  const auto balanced = [&](std::string_view date) {
    return entry_body(date, {line("1010", "debit", "100"), line("4020", "credit", "100")});
  };
  const std::vector<refusal> cases = {
      {"malformed JSON", entries, R"({"date": "2026-11-28", "lines": [)", key("a"), 400, "invalid_json"},
      {"duplicate keys", entries, R"({"date": "2026-11-28", "date": "2026-11-29", "lines": []})", key("b"),
       400, "invalid_json"},
      {"amount as a number", entries,
       entry_body("2026-11-28", {{{"account", "1010"}, {"debit", 100}}, line("4020", "credit", "100")}),
       key("c"), 400, "bad_request"},
      {"member_id as text", entries,
       entry_body("2026-11-28",
                  {line("1010", "debit", "100"),
                   {{"account", "3010"}, {"member_id", std::to_string(member)}, {"credit", "100"}}}),
       key("d"), 400, "bad_request"},
      {"unknown field", entries, R"({"date": "2026-11-28", "lines": [], "posted_by": "me"})", key("e"), 400,
       "bad_request"},
      {"debit and credit on a line", entries,
       entry_body("2026-11-28",
                  {{{"account", "1010"}, {"debit", "1"}, {"credit", "1"}}, line("4020", "credit", "1")}),
       key("f"), 400, "bad_request"},
      {"unbalanced", entries,
       entry_body("2026-11-28", {line("1010", "debit", "100"), line("4020", "credit", "90")}), key("g"), 422,
       "unbalanced_entry"},
      {"unknown account", entries,
       entry_body("2026-11-28", {line("1010", "debit", "100"), line("4999", "credit", "100")}), key("h"), 422,
       "unknown_account"},
      {"another group's member", entries,
       boost::json::serialize(share_purchase("2026-11-28", "100", stranger)), key("j"), 422,
       "unknown_member"},
      {"closed period", entries, balanced("2026-01-31"), key("k"), 409, "period_closed"},
      {"impossible date", entries, balanced("2026-02-30"), key("l"), 422, "invalid_date"},
      {"20-digit amount", entries,
       entry_body("2026-11-28", {line("1010", "debit", "12345678901234567890"),
                                 line("4020", "credit", "12345678901234567890")}),
       key("m"), 422, "invalid_amount"},
      {"too many decimals", entries,
       entry_body("2026-11-28", {line("1010", "debit", "1.001"), line("4020", "credit", "1.001")}), key("n"),
       422, "invalid_amount"},
      {"missing Idempotency-Key", entries, balanced("2026-11-28"), {}, 400, "bad_request"},
      {"Idempotency-Key too long", entries, balanced("2026-11-28"), key(std::string(256, 'k')), 400,
       "bad_request"},
      {"not JSON",
       entries,
       balanced("2026-11-28"),
       {{"Content-Type", "text/plain"}, {"Idempotency-Key", "o"}},
       415,
       "unsupported_media_type"},
      {"body over 1 MiB", entries, std::string(1024 * 1024 + 100, ' '), key("p"), 413, "payload_too_large"},
      {"reverse without a key", entries + "/1/reverse", "{}", {}, 400, "bad_request"},
      {"reverse an unknown entry", entries + "/999/reverse", "{}", key("q"), 404, "not_found"},
      {"reverse into the closed period", entries + "/1/reverse", R"({"date": "2026-01-15"})", key("r"), 409,
       "period_closed"},
      {"close an earlier period",
       group_path(group, "/periods"),
       R"({"through": "2026-01-01", "kind": "month"})",
       {},
       409,
       "period_closed"},
      {"close with a bad date",
       group_path(group, "/periods"),
       R"({"through": "2026-1-1", "kind": "month"})",
       {},
       422,
       "invalid_date"},
      {"member without a name",
       group_path(group, "/members"),
       R"({"name_km": "សុភា"})",
       {},
       400,
       "bad_request"},
      {"account with a bad type",
       group_path(group, "/accounts"),
       R"({"code": "1090", "name": "x", "type": "cash"})",
       {},
       400,
       "bad_request"},
      {"existing account code",
       group_path(group, "/accounts"),
       R"({"code": "1010", "name": "x", "type": "asset"})",
       {},
       409,
       "conflict"},
      {"posting in another group", group_path(other_group, "/entries"), balanced("2026-11-28"), key("s"), 404,
       "not_found"},
      {"a treasurer making a group",
       "/api/v1/groups",
       R"({"name": "x", "kind": "joint_task", "currency": "KHR"})",
       {},
       403,
       "forbidden"},
  };

  const auto before = table_checksums(server);
  check_refused(treasurer, cases);
  CHECK(table_checksums(server) == before);
}
