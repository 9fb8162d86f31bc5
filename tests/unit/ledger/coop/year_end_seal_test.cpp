// A cooperative's year end seals the year: the seal still verifies after later postings, as its code and as
// the six words of either list; an entry rewritten before the seal (triggers dropped, as an attacker with the
// database file would) makes every form of it fail.
#include "ledger/journal/posting_rules.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/seal.hpp"
#include "ledger/store/rows.hpp"
#include "tests/unit/ledger/coop/operation_test_support.hpp"

#include <catch2/catch.hpp>

using namespace samaki;
using namespace samaki::ledger;
using namespace samaki::test;

namespace {

std::string joined(const std::array<std::string_view, seal_word_count>& words, std::string_view between) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) out += std::string(i ? between : "") + std::string(words[i]);
  return out;
}

}  // namespace

TEST_CASE(
    "a cooperative's year seal verifies after later postings, in code and both word lists, and not after a "
    "rewrite",
    "[coop][seal]") {
  ledger_fixture f;
  const auto vanna = f.coop_members[0];
  must_record(
      f, f.coop.id, "share_capital", "2025-02-01",
      {{"member_id", field_value{vanna.value}}, {"amount", text("500000")}, {"direction", text("buy")}});
  auto sale = must_record(f, f.coop.id, "income", "2025-06-01",
                          {{"account", text("4030")}, {"amount", text("100000")}});
  auto closed = must_record(f, f.coop.id, "year_end", "2026-01-10",
                            {{"year", field_value{std::int64_t{2025}}}, {"dividend_percent", text("0")}});
  const auto& seal = std::get<field_map>(closed.outcome.at("seal").value);
  const auto code = std::get<std::string>(seal.at("code").value);
  const auto head = std::get<std::string>(seal.at("head").value);
  const auto english = joined(*seal_words(head), " ");
  const auto khmer = joined(*seal_words_km(head), "-");
  CHECK(std::get<field_list>(seal.at("words_km").value).size() == 6);
  must_record(f, f.coop.id, "income", "2026-02-01", {{"account", text("4030")}, {"amount", text("700")}});
  {
    auto r = f.reader();
    for (const auto& typed : {code, english, khmer}) {
      INFO(typed);
      auto report = verify_chain(r->db(), f.coop.id, typed);
      CHECK(report.ok);
      CHECK(report.seal_ok == std::optional<bool>(true));
    }
    // The closing entry is marked, and a year close was recorded through 31 December.
    auto periods = load_periods(r->db(), f.coop.id);
    REQUIRE(periods.size() == 1);
    CHECK(periods[0].through == day("2025-12-31"));
    CHECK(periods[0].seal_code == code);
  }
  // 100,000 riel income earned in 2025 becomes 1,000,000 riel, behind the chain's back.
  f.db.reset();
  sqlite::connection db(f.path, sqlite::open_mode::read_write_create);
  db.exec("DROP TRIGGER lines_no_update");
  auto s = db.prepare("UPDATE lines SET credit = credit * 10 WHERE entry_id = ? AND credit > 0");
  s->bind(1, sale.record.entries.front().id.value).run();
  for (const auto& typed : {code, english, khmer}) {
    INFO(typed);
    auto report = verify_chain(db, f.coop.id, typed);
    CHECK_FALSE(report.ok);
    CHECK(report.seal_ok == std::optional<bool>(false));
  }
}

TEST_CASE("a year end of more members than one entry's lines splits the appropriation into balanced entries",
          "[coop][year_end]") {
  ledger_fixture f;
  must_record(f, f.coop.id, "bylaws", "2025-01-01",
              {{"reserve_percent", text("10")},
               {"education_percent", text("5")},
               {"dividend_cap_percent", text("8")},
               {"patronage_percent", text("40")},
               {"patronage_cash_percent", text("60")},
               {"cash_unit", text("100")}});
  // 200 members with share capital and business: three credits each, past one entry's 500 lines.
  for (int i = 0; i < 200; ++i) {
    auto m = make_member(*f.db, f.coop.id, "Member " + std::to_string(i));
    must_record(
        f, f.coop.id, "share_capital", "2025-02-01",
        {{"member_id", field_value{m.value}}, {"amount", text("100000")}, {"direction", text("buy")}});
    must_record(f, f.coop.id, "produce_purchase", "2025-03-01",
                {{"member_id", field_value{m.value}},
                 {"crop", text("paddy")},
                 {"quantity_kg", text("100")},
                 {"price_per_kg", text("1000")}});
  }
  must_record(f, f.coop.id, "produce_sale", "2025-04-01",
              {{"buyer", text("Mill")},
               {"crop", text("paddy")},
               {"quantity_kg", text("20000")},
               {"price_per_kg", text("1500")}});
  auto closed = must_record(f, f.coop.id, "year_end", "2026-01-10",
                            {{"year", field_value{std::int64_t{2025}}}, {"dividend_percent", text("5")}});
  std::size_t appropriation_entries = 0;
  for (const auto& e : closed.record.entries) {
    CHECK(e.lines.size() <= max_lines_per_entry);
    if (e.lines.front().account == "3060" && e.lines.front().side == side::debit) ++appropriation_entries;
  }
  CHECK(appropriation_entries >= 2);
  CHECK(closed.record.entries.back().memo.find(" of ") != std::string::npos);
}
