// A cooperative's closed year over HTTP, beyond coop_year_end_api_test.cpp: every kind of back-dated work
// (an expense, an exchange, share capital, a produce purchase) is refused with 409 period_closed (api.md) and
// writes nothing, while the year end itself sent again under its key answers as the first time; and an entry
// of the sealed year edited in the database file (amounts changed on both sides, so it still balances) makes
// the check against the year's seal fail, typed as its code, its English words or its Khmer words, once the
// server is started again on that file.
#include "ledger/journal/hash_chain.hpp"
#include "ledger/store/chain_reads.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/sqlite.hpp"
#include "tests/api/coop_test_support.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

using namespace samaki::api_test;
using boost::json::object;

namespace {

// The seal as a person types it from the minute book: the code, the English words, the Khmer words.
std::vector<std::string> typed_forms(const boost::json::value& seal) {
  std::string english, khmer;
  for (const auto& w : seal.at("words").as_array())
    english += (english.empty() ? "" : " ") + std::string(w.as_string());
  for (const auto& w : seal.at("words_km").as_array())
    khmer += (khmer.empty() ? "" : " ") + std::string(w.as_string());
  return {std::string(seal.at("code").as_string()), english, khmer};
}

// What a tamperer with the file would do: drop the append-only trigger and move `riel` more through an
// entry, on its first debit line and its first credit line, so it still balances.
void inflate_entry(const std::string& db, std::int64_t group, std::int64_t seq, std::int64_t riel) {
  samaki::ledger::sqlite::connection c(db, samaki::ledger::sqlite::open_mode::read_write_create);
  c.exec("DROP TRIGGER lines_no_update");
  const auto entry = "(SELECT id FROM entries WHERE group_id = " + std::to_string(group) +
                     " AND seq = " + std::to_string(seq) + ")";
  const auto minor = std::to_string(riel * 100);
  c.exec("UPDATE lines SET debit = debit + " + minor + " WHERE entry_id = " + entry +
         " AND line_no = (SELECT MIN(line_no) FROM lines WHERE debit > 0 AND entry_id = " + entry + ")");
  c.exec("UPDATE lines SET credit = credit + " + minor + " WHERE entry_id = " + entry +
         " AND line_no = (SELECT MIN(line_no) FROM lines WHERE credit > 0 AND entry_id = " + entry + ")");
}

// A thorough tamperer: every entry's hash and link computed again from the first one, and the chain head
// with them, so the chain is whole again around the edit.
void rehash_chain(const std::string& db, std::int64_t group) {
  using namespace samaki::ledger;
  sqlite::connection c(db, sqlite::open_mode::read_write_create);
  c.exec("DROP TRIGGER entries_no_update");
  digest head{};
  std::int64_t seq = 0;
  for (auto id : entry_ids_in_chain_order(c, group_id{group})) {
    const auto e = load_entry(c, id);
    REQUIRE(e);
    const auto hash = entry_hash(head, *e);
    auto update = c.prepare("UPDATE entries SET prev_hash = ?, hash = ? WHERE id = ?");
    update->bind_blob(1, head).bind_blob(2, hash).bind(3, id.value);
    update->run();
    head = hash;
    seq = e->seq;
  }
  auto chain_head = c.prepare("UPDATE chain_heads SET seq = ?, hash = ? WHERE group_id = ?");
  chain_head->bind(1, seq).bind_blob(2, head).bind(3, group);
  chain_head->run();
}

// A cooperative with a closed and sealed 2025 (share capital, a dollar sale, income) and work of 2026 after
// it.
struct sealed_year {
  sealed_year() {
    auto& t = start.treasurer;
    member = create_member(t, start.group, "Vanna");
    must_record(t, start.group,
                {{"type", "share_capital"},
                 {"date", "2025-01-10"},
                 {"member_id", member},
                 {"amount", "500000"},
                 {"direction", "buy"}});
    must_record(t, start.group,
                {{"type", "produce_sale"},
                 {"date", "2025-11-05"},
                 {"buyer", "Mill"},
                 {"crop", "paddy"},
                 {"quantity_kg", "100"},
                 {"price_per_kg", "0.30"},
                 {"currency", "USD"},
                 {"rate", "4100"}});
    must_record(t, start.group,
                {{"type", "income"}, {"date", "2025-12-01"}, {"account", "4030"}, {"amount", "90000"}});
    auto closed = record_operation(t, start.group, year_end, "year-end-2025");
    REQUIRE(closed.status == 201);
    year_end_id = closed.json.at("id");
    seal = closed.json.at("seal");
    must_record(t, start.group,
                {{"type", "income"}, {"date", "2026-01-12"}, {"account", "4030"}, {"amount", "5000"}});
  }

  // Stops the server, lets `tamper` work on the database file, starts a server on it again and signs in a
  // staff member of the group there.
  template <typename Tamper>
  void restart_after(Tamper tamper) {
    REQUIRE(start.server.process().stop() == 0);
    const auto db = (start.server.folder() / "samaki.db").string();
    tamper(db);
    add_user(start.server, "auditor", "the minute book of Svay Rieng", "staff", {start.group});
    again = std::make_unique<samaki::client::server_process>(
        samaki::client::server_process::options{SAMAKI_BINARY, db, {}, {}, start.server.folder().string()});
    auditor = std::make_unique<api_client>(again->port());
    auto login = auditor->post("/api/v1/auth/login",
                               {{"username", "auditor"}, {"password", "the minute book of Svay Rieng"}});
    REQUIRE(login.status == 200);
    auditor->use_token(std::string(login.json.at("token").as_string()));
  }

  // GET .../verify?seal= as typed.
  json_reply verify(api_client& client, const std::string& typed) {
    auto reply = client.get(group_path(start.group, "/verify?seal=" + url_encoded(typed)));
    REQUIRE(reply.status == 200);
    return reply;
  }

  kind_with_treasurer start{"agri_cooperative"};
  const boost::json::object year_end{
      {"type", "year_end"}, {"date", "2026-01-10"}, {"year", 2025}, {"dividend_percent", "0"}};
  boost::json::value year_end_id;
  std::int64_t member = 0;
  boost::json::value seal;
  std::unique_ptr<samaki::client::server_process> again;
  std::unique_ptr<api_client> auditor;
};

}  // namespace

TEST_CASE(
    "a closed year refuses back-dated work of every kind and writes nothing, and an entry edited before the "
    "seal makes the seal check fail",
    "[api][coop][year_end][seal]") {
  sealed_year year;
  auto& t = year.start.treasurer;
  const auto g = year.start.group;
  const auto a = year.member;
  const auto before = table_checksums(year.start.server);
  for (const auto& late : std::vector<object>{
           {{"type", "expense"}, {"date", "2025-12-31"}, {"account", "5080"}, {"amount", "1000"}},
           {{"type", "exchange"},
            {"date", "2025-11-30"},
            {"from", {{"account", "1011"}, {"amount", "10"}}},
            {"to", {{"account", "1010"}, {"amount", "41000"}}}},
           {{"type", "share_capital"},
            {"date", "2025-06-01"},
            {"member_id", a},
            {"amount", "1000"},
            {"direction", "buy"}},
           {{"type", "produce_purchase"},
            {"date", "2025-01-01"},
            {"member_id", a},
            {"crop", "paddy"},
            {"quantity_kg", "10"},
            {"price_per_kg", "1000"},
            {"on_credit", true}}}) {
    auto refused = record_operation(t, g, late, "late-" + std::string(late.at("type").as_string()));
    INFO(boost::json::serialize(late) << " -> " << refused.raw.body);
    CHECK(refused.status == 409);
    CHECK(refused.error_code() == "period_closed");
  }
  // The year end sent again under its key, after the year closed: the same answer, nothing new.
  auto again = record_operation(t, g, year.year_end, "year-end-2025");
  INFO(again.raw.body);
  CHECK(again.status == 200);
  CHECK(again.json.at("id") == year.year_end_id);
  CHECK(table_checksums(year.start.server) == before);

  // Before any edit, each typed form of the seal checks out against the books.
  for (const auto& typed : typed_forms(year.seal)) {
    INFO(typed);
    CHECK(year.verify(t, typed).json.at("seal_ok") == true);
  }

  // Entry 2 (the dollar sale of 2025, before the seal) edited in the file while the server is stopped.
  year.restart_after([&](const std::string& db) { inflate_entry(db, g, 2, 1000); });
  for (const auto& typed : typed_forms(year.seal)) {
    INFO(typed);
    const auto verified = year.verify(*year.auditor, typed);
    CHECK(verified.json.at("ok") == false);
    CHECK(verified.json.at("first_bad_seq") == 2);
    CHECK(verified.json.at("seal_ok") == false);
  }
}

TEST_CASE(
    "a chain hashed again around an edited entry checks out on its own, but not against the year's seal",
    "[api][coop][year_end][seal]") {
  sealed_year year;
  const auto g = year.start.group;
  year.restart_after([&](const std::string& db) {
    inflate_entry(db, g, 1, 250000);
    rehash_chain(db, g);
  });
  auto plain = year.auditor->get(group_path(g, "/verify"));
  REQUIRE(plain.status == 200);
  CHECK(plain.json.at("ok") == true);  // the rewrite is whole: the chain alone cannot tell
  for (const auto& typed : typed_forms(year.seal)) {
    INFO(typed);
    const auto verified = year.verify(*year.auditor, typed);
    CHECK(verified.json.at("ok") == true);
    CHECK(verified.json.at("seal_ok") == false);
  }
}
