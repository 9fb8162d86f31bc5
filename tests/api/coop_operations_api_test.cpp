// A cooperative's operations over HTTP (operations.md, "Agriculture cooperatives"): each posts per charts.md
// with the member named on the lines of their business; every refusal answers its status and code and
// writes nothing.
#include "tests/api/coop_test_support.hpp"
#include "tests/api/refusal_support.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <set>

using namespace samaki::api_test;
using boost::json::object;

namespace {

// "Dr 1010 100.00", "Cr 3010[7] 100.00": the lines of the operation's entries, in order.
std::vector<std::string> lines_of(const json_reply& reply) {
  std::vector<std::string> out;
  for (const auto& e : reply.json.at("entries").as_array())
    for (const auto& l : e.at("lines").as_array()) {
      const bool debit = l.as_object().contains("debit");
      std::string account(l.at("account").as_string());
      if (l.at("member_id").is_int64()) account += "[" + std::to_string(l.at("member_id").as_int64()) + "]";
      out.push_back((debit ? "Dr " : "Cr ") + account + " " +
                    std::string((debit ? l.at("debit") : l.at("credit")).as_string()));
    }
  return out;
}

std::string m(std::int64_t id) {
  return "[" + std::to_string(id) + "]";
}

}  // namespace

TEST_CASE("every cooperative operation posts per charts.md, members named on the lines of their business",
          "[api][coop]") {
  kind_with_treasurer start("agri_cooperative");
  auto& t = start.treasurer;
  const auto g = start.group;
  const auto a = create_member(t, g, "Vanna"), b = create_member(t, g, "Sophea");

  CHECK(lines_of(must_record(t, g,
                             {{"type", "share_capital"},
                              {"date", "2026-02-01"},
                              {"member_id", a},
                              {"amount", "2000000"},
                              {"direction", "buy"}})) ==
        std::vector<std::string>{"Dr 1010 2000000.00", "Cr 3010" + m(a) + " 2000000.00"});
  CHECK(lines_of(must_record(
            t, g, {{"type", "entry_fee"}, {"date", "2026-02-01"}, {"member_id", b}, {"amount", "5000"}})) ==
        std::vector<std::string>{"Dr 1010 5000.00", "Cr 3020" + m(b) + " 5000.00"});
  CHECK(lines_of(must_record(t, g,
                             {{"type", "input_purchase"},
                              {"date", "2026-02-02"},
                              {"supplier", "Agro shop"},
                              {"item", "urea"},
                              {"quantity", "20"},
                              {"unit", "bag"},
                              {"amount", "600000"}})) ==
        std::vector<std::string>{"Dr 1200 600000.00", "Cr 1010 600000.00"});
  CHECK(lines_of(must_record(t, g,
                             {{"type", "input_purchase"},
                              {"date", "2026-02-02"},
                              {"supplier", "Agro shop"},
                              {"item", "seed"},
                              {"quantity", "12.5"},
                              {"unit", "kg"},
                              {"amount", "100000"},
                              {"on_credit", true}})) ==
        std::vector<std::string>{"Dr 1200 100000.00", "Cr 2010 100000.00"});
  CHECK(lines_of(must_record(t, g,
                             {{"type", "input_sale"},
                              {"date", "2026-02-03"},
                              {"member_id", a},
                              {"item", "urea"},
                              {"quantity", "2"},
                              {"unit", "bag"},
                              {"amount", "70000"},
                              {"cost", "60000"},
                              {"on_credit", true}})) ==
        std::vector<std::string>{"Dr 1110" + m(a) + " 70000.00", "Cr 4010" + m(a) + " 70000.00",
                                 "Dr 5010" + m(a) + " 60000.00", "Cr 1200 60000.00"});
  CHECK(lines_of(must_record(t, g,
                             {{"type", "input_sale"},
                              {"date", "2026-02-03"},
                              {"buyer", "Neighbour"},
                              {"item", "urea"},
                              {"quantity", "1"},
                              {"unit", "bag"},
                              {"amount", "35000"},
                              {"cost", "30000"},
                              {"on_credit", true}})) ==
        std::vector<std::string>{"Dr 1120 35000.00", "Cr 4010 35000.00", "Dr 5010 30000.00",
                                 "Cr 1200 30000.00"});
  // 1,000.5 kg at 1,200 riel = 1,200,600 riel, owed to the member.
  CHECK(lines_of(must_record(t, g,
                             {{"type", "produce_purchase"},
                              {"date", "2026-02-04"},
                              {"member_id", b},
                              {"crop", "jasmine rice"},
                              {"quantity_kg", "1000.5"},
                              {"price_per_kg", "1200"},
                              {"on_credit", true}})) ==
        std::vector<std::string>{"Dr 5020" + m(b) + " 1200600.00", "Cr 2020" + m(b) + " 1200600.00"});
  CHECK(lines_of(must_record(t, g,
                             {{"type", "produce_sale"},
                              {"date", "2026-02-05"},
                              {"buyer", "Mill"},
                              {"crop", "jasmine rice"},
                              {"quantity_kg", "1000"},
                              {"price_per_kg", "1500"}})) ==
        std::vector<std::string>{"Dr 1010 1500000.00", "Cr 4020 1500000.00"});
  // In dollars: 500 kg at $0.40 = $200, booked at 4,100 riel a dollar through the exchange accounts.
  auto dollars = must_record(t, g,
                             {{"type", "produce_sale"},
                              {"date", "2026-02-05"},
                              {"buyer", "Exporter"},
                              {"crop", "jasmine rice"},
                              {"quantity_kg", "500"},
                              {"price_per_kg", "0.40"},
                              {"currency", "USD"},
                              {"rate", "4100"}});
  CHECK(lines_of(dollars) == std::vector<std::string>{"Dr 1011 200.00", "Cr 3901 200.00", "Dr 3900 820000.00",
                                                      "Cr 4020 820000.00"});
  CHECK(dollars.json.at("entries").at(0).at("metadata").at("rate") == "4100");
  // A loan without a cycle, 3 months at 2 % flat; its first repayment pays that month's interest first.
  auto loan = must_record(t, g,
                          {{"type", "member_loan"},
                           {"date", "2026-02-06"},
                           {"member_id", a},
                           {"amount", "300000"},
                           {"months", 3},
                           {"percent_per_month", "2"}});
  CHECK(lines_of(loan) == std::vector<std::string>{"Dr 1100" + m(a) + " 300000.00", "Cr 1010 300000.00"});
  const auto loan_id = loan.json.at("loans").at(0).at("loan_id").as_int64();
  auto listed = t.get(group_path(g, "/loans?member_id=" + std::to_string(a)));
  REQUIRE(listed.status == 200);
  REQUIRE(listed.json.at("items").as_array().size() == 1);
  CHECK(listed.json.at("items").at(0).at("principal") == "300000.00");
  CHECK(lines_of(must_record(t, g,
                             {{"type", "loan_repayment"},
                              {"date", "2026-03-06"},
                              {"loan_id", loan_id},
                              {"amount", "106000"}})) ==
        std::vector<std::string>{"Dr 1010 106000.00", "Cr 4040" + m(a) + " 6000.00",
                                 "Cr 1100" + m(a) + " 100000.00"});
  CHECK(lines_of(must_record(
            t, g, {{"type", "deposit"}, {"date", "2026-03-07"}, {"member_id", b}, {"amount", "50000"}})) ==
        std::vector<std::string>{"Dr 1010 50000.00", "Cr 2030" + m(b) + " 50000.00"});
  CHECK(lines_of(must_record(
            t, g, {{"type", "withdrawal"}, {"date", "2026-03-08"}, {"member_id", b}, {"amount", "20000"}})) ==
        std::vector<std::string>{"Dr 2030" + m(b) + " 20000.00", "Cr 1010 20000.00"});
  // What the cooperative owes for produce, paid in full when no amount is given; what a member owes,
  // collected.
  CHECK(lines_of(must_record(t, g, {{"type", "pay_member"}, {"date", "2026-03-09"}, {"member_id", b}})) ==
        std::vector<std::string>{"Dr 2020" + m(b) + " 1200600.00", "Cr 1010 1200600.00"});
  CHECK(lines_of(must_record(
            t, g,
            {{"type", "collect_member"}, {"date", "2026-03-09"}, {"member_id", a}, {"amount", "30000"}})) ==
        std::vector<std::string>{"Dr 1010 30000.00", "Cr 1110" + m(a) + " 30000.00"});
  CHECK(lines_of(must_record(t, g,
                             {{"type", "expense"},
                              {"date", "2026-03-10"},
                              {"account", "5040"},
                              {"amount", "25000"},
                              {"member_id", b}})) ==
        std::vector<std::string>{"Dr 5040" + m(b) + " 25000.00", "Cr 1010 25000.00"});
  CHECK(lines_of(must_record(t, g,
                             {{"type", "income"},
                              {"date", "2026-03-10"},
                              {"account", "4030"},
                              {"amount", "8000"},
                              {"member_id", a}})) ==
        std::vector<std::string>{"Dr 1010 8000.00", "Cr 4030" + m(a) + " 8000.00"});
  CHECK(lines_of(must_record(
            t, g, {{"type", "grant"}, {"date", "2026-03-11"}, {"amount", "1000000"}, {"to", "1020"}})) ==
        std::vector<std::string>{"Dr 1020 1000000.00", "Cr 4060 1000000.00"});
  CHECK(lines_of(must_record(t, g,
                             {{"type", "transfer"},
                              {"date", "2026-03-12"},
                              {"from", "1020"},
                              {"to", "1010"},
                              {"amount", "400000"}})) ==
        std::vector<std::string>{"Dr 1010 400000.00", "Cr 1020 400000.00"});
  CHECK(
      lines_of(must_record(t, g,
                           {{"type", "exchange"},
                            {"date", "2026-03-13"},
                            {"from", {{"account", "1011"}, {"amount", "100"}}},
                            {"to", {{"account", "1010"}, {"amount", "405000"}}}})) ==
      std::vector<std::string>{"Dr 1010 405000.00", "Cr 3900 405000.00", "Dr 3901 100.00", "Cr 1011 100.00"});
  CHECK(lines_of(must_record(t, g,
                             {{"type", "share_capital"},
                              {"date", "2026-03-14"},
                              {"member_id", a},
                              {"amount", "10000"},
                              {"direction", "redeem"}})) ==
        std::vector<std::string>{"Dr 3010" + m(a) + " 10000.00", "Cr 1010 10000.00"});

  // What each member holds and owes, and what the cooperative holds, after all of it.
  CHECK(member_balance(t, g, "3010", a) == "1990000.00");
  CHECK(member_balance(t, g, "1110", a) == "40000.00");
  CHECK(member_balance(t, g, "2020", b) == "0.00");
  CHECK(balance(t, g, "1200") == "610000.00");
  CHECK(balance(t, g, "1011") == "100.00");
  // The books hold together.
  auto verified = t.get(group_path(g, "/verify"));
  CHECK(verified.json.at("ok") == true);
  // GET .../operation-types serves the cooperative's forms, the grant as income.
  auto types = t.get(group_path(g, "/operation-types"));
  REQUIRE(types.status == 200);
  std::set<std::string> names;
  for (const auto& type : types.json.at("items").as_array())
    names.insert(std::string(type.at("type").as_string()));
  for (const auto* name :
       {"share_capital", "entry_fee", "input_purchase", "input_sale", "produce_purchase", "produce_sale",
        "member_loan", "loan_repayment", "deposit", "withdrawal", "pay_member", "collect_member", "expense",
        "income", "grant", "transfer", "exchange", "year_end"})
    CHECK(names.count(name) == 1);
  CHECK(names.count("meeting") == 0);
}

TEST_CASE("a cooperative's refusals: status, code and details, nothing written", "[api][coop][refusals]") {
  kind_with_treasurer start("agri_cooperative");
  auto& t = start.treasurer;
  const auto g = start.group;
  const auto a = create_member(t, g, "Vanna"), b = create_member(t, g, "Sophea");
  const auto elsewhere =
      create_member(start.admin, create_group(start.admin, "agri_cooperative"), "Someone else");
  const auto savings = create_group(start.admin);
  must_record(t, g,
              {{"type", "share_capital"},
               {"date", "2026-02-01"},
               {"member_id", a},
               {"amount", "100000"},
               {"direction", "buy"}});
  must_record(t, g, {{"type", "deposit"}, {"date", "2026-02-01"}, {"member_id", b}, {"amount", "10000"}});
  must_record(t, g,
              {{"type", "input_purchase"},
               {"date", "2026-02-01"},
               {"supplier", "Shop"},
               {"item", "seed"},
               {"quantity", "1"},
               {"unit", "bag"},
               {"amount", "20000"}});
  auto loan = must_record(t, g,
                          {{"type", "member_loan"},
                           {"date", "2026-02-01"},
                           {"member_id", a},
                           {"amount", "30000"},
                           {"months", 1},
                           {"percent_per_month", "0"}});
  const auto loan_id = loan.json.at("loans").at(0).at("loan_id").as_int64();
  const auto target = group_path(g, "/operations");
  auto body = [](object o) {
    o["date"] = "2026-02-02";
    return boost::json::serialize(o);
  };
  auto key = [n = 0]() mutable { return idempotency("refused-" + std::to_string(++n)); };
  const auto before = table_checksums(start.server);
  check_refused(
      t,
      {
          {"redeem more share capital than held", target,
           body({{"type", "share_capital"},
                 {"member_id", a},
                 {"amount", "100000.01"},
                 {"direction", "redeem"}}),
           key(), 422, "insufficient_funds"},
          {"withdraw more than deposited", target,
           body({{"type", "withdrawal"}, {"member_id", b}, {"amount", "10001"}}), key(), 422,
           "insufficient_funds"},
          {"pay a member more than owed", target,
           body({{"type", "pay_member"}, {"member_id", b}, {"amount", "1"}}), key(), 422, "overpayment"},
          {"pay a member with nothing owed", target, body({{"type", "pay_member"}, {"member_id", b}}), key(),
           400, "bad_request"},
          {"collect more than owed", target,
           body({{"type", "collect_member"}, {"member_id", a}, {"amount", "1"}}), key(), 422, "overpayment"},
          {"an input sale to a member and a buyer at once", target,
           body({{"type", "input_sale"},
                 {"member_id", a},
                 {"buyer", "x"},
                 {"item", "seed"},
                 {"quantity", "1"},
                 {"unit", "bag"},
                 {"amount", "1000"},
                 {"cost", "900"}}),
           key(), 400, "bad_request"},
          {"an input sale beyond the stock", target,
           body({{"type", "input_sale"},
                 {"member_id", a},
                 {"item", "seed"},
                 {"quantity", "2"},
                 {"unit", "bag"},
                 {"amount", "50000"},
                 {"cost", "40000"}}),
           key(), 422, "insufficient_funds"},
          {"a dollar sale without its rate", target,
           body({{"type", "produce_sale"},
                 {"buyer", "x"},
                 {"crop", "rice"},
                 {"quantity_kg", "1"},
                 {"price_per_kg", "1"},
                 {"currency", "USD"}}),
           key(), 400, "bad_request"},
          {"a dollar sale on credit", target,
           body({{"type", "produce_sale"},
                 {"buyer", "x"},
                 {"crop", "rice"},
                 {"quantity_kg", "1"},
                 {"price_per_kg", "1"},
                 {"currency", "USD"},
                 {"rate", "4100"},
                 {"on_credit", true}}),
           key(), 422, "currency_mismatch"},
          {"a quantity that is no number", target,
           body({{"type", "produce_purchase"},
                 {"member_id", a},
                 {"crop", "rice"},
                 {"quantity_kg", "ten"},
                 {"price_per_kg", "1000"}}),
           key(), 400, "bad_request"},
          {"a member of another group", target,
           body({{"type", "deposit"}, {"member_id", elsewhere}, {"amount", "1000"}}), key(), 422,
           "not_a_member"},
          {"cash paid through an account that holds no cash", target,
           body({{"type", "deposit"}, {"member_id", a}, {"amount", "1000"}, {"via", "1200"}}), key(), 400,
           "bad_request"},
          {"a loan bigger than the cash", target,
           body({{"type", "member_loan"},
                 {"member_id", a},
                 {"amount", "1000000"},
                 {"months", 2},
                 {"percent_per_month", "2"}}),
           key(), 422, "insufficient_funds"},
          {"a repayment above what is owed", target,
           body({{"type", "loan_repayment"}, {"loan_id", loan_id}, {"amount", "30000.01"}}), key(), 422,
           "overpayment"},
          {"an exchange within one currency", target,
           body({{"type", "exchange"},
                 {"from", {{"account", "1010"}, {"amount", "100"}}},
                 {"to", {{"account", "1020"}, {"amount", "100"}}}}),
           key(), 422, "currency_mismatch"},
          {"a savings group's meeting", target, body({{"type", "meeting"}}), key(), 422, "wrong_group_kind"},
      });
  // A savings group records no cooperative operation (the admin sees both groups).
  auto wrong = record_operation(start.admin, savings,
                                {{"type", "share_capital"},
                                 {"date", "2026-02-02"},
                                 {"member_id", a},
                                 {"amount", "100"},
                                 {"direction", "buy"}},
                                "wrong-kind");
  CHECK(wrong.status == 422);
  CHECK(wrong.error_code() == "wrong_group_kind");
  CHECK(table_checksums(start.server) == before);
  // Details name what broke.
  auto over = record_operation(
      t, g, {{"type", "withdrawal"}, {"date", "2026-02-02"}, {"member_id", b}, {"amount", "10001"}},
      "details");
  CHECK(over.json.at("error").at("details").at("member_id") .to_number<std::int64_t>() == b);
  CHECK(over.json.at("error").at("details").at("limit") == "10000.00");
  CHECK(over.json.at("error").at("details").at("field") == "amount");
}
