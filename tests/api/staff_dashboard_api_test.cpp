// The staff's view of many groups over HTTP (issue 10): GET /api/v1/dashboard lists exactly the groups the
// caller may see, each with its figures and warnings; GET /api/v1/dashboard/cycle-summaries gives every
// visible savings group's cycle summary as one CSV in the cycle-summary report's order. Staff never see a
// group that is not theirs; bad input is a JSON error with a stable code.
#include "tests/api/ledger_test_support.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

using namespace samaki::api_test;
namespace json = boost::json;

namespace {

// A savings group whose one loan (60,000 for a month from 5 January 2026) was never repaid, a cooperative,
// and another savings group; the field officer is given the first two only.
struct staff_books {
  test_server server;
  api_client admin = signed_in_as(server, "admin");
  std::int64_t late = 0, coop = 0, other = 0;
  int keys = 0;

  json_reply record(std::int64_t group, json::object body) {
    return admin.post(group_path(group, "/operations"), body, idempotency("k" + std::to_string(++keys)));
  }

  staff_books() {
    late = create_group(admin);
    coop = create_group(admin, "agri_cooperative");
    other = create_group(admin);
    auto a = create_member(admin, late, "Sokha");
    auto b = create_member(admin, late, "Dara");
    REQUIRE(record(late, {{"type", "cycle_start"}, {"date", "2026-01-05"}, {"share_value", "5000"}}).status ==
            201);
    json::array members{{{"member_id", a}, {"shares", 5}}, {{"member_id", b}, {"shares", 5}}};
    members[0].as_object()["loan"] = {{"amount", "30000"}, {"months", 1}};
    REQUIRE(record(late, {{"type", "meeting"}, {"date", "2026-01-05"}, {"members", members}}).status == 201);
    REQUIRE(
        record(other, {{"type", "cycle_start"}, {"date", "2026-01-05"}, {"share_value", "1000"}}).status ==
        201);
  }
};

std::set<std::int64_t> ids_of(const json::value& list) {
  std::set<std::int64_t> out;
  for (const auto& item : list.at("items").as_array()) out.insert(item.at("id").as_int64());
  return out;
}

const json::object* warning(const json::value& item, std::string_view code) {
  for (const auto& w : item.at("warnings").as_array())
    if (w.at("code").as_string() == code) return &w.as_object();
  return nullptr;
}

const json::value& item_of(const json::value& list, std::int64_t id) {
  for (const auto& item : list.at("items").as_array())
    if (item.at("id").as_int64() == id) return item;
  FAIL("group " << id << " is not listed");
  throw std::logic_error("unreachable");
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  // The cells here hold no commas or quotes (names are plain test names): split on commas.
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    std::istringstream cells_in(line);
    for (std::string cell; std::getline(cells_in, cell, ',');) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace

TEST_CASE("the dashboard lists only the caller's groups, with figures and warnings", "[api][staff]") {
  staff_books books;
  auto staff = signed_in_as(books.server, "staff", {books.late, books.coop});

  const auto mine = staff.get("/api/v1/dashboard");
  REQUIRE(mine.status == 200);
  CHECK(ids_of(mine.json) == std::set<std::int64_t>{books.late, books.coop});
  CHECK(mine.json.at("next_cursor").is_null());
  const auto everything = books.admin.get("/api/v1/dashboard");
  REQUIRE(everything.status == 200);
  CHECK(ids_of(everything.json) == std::set<std::int64_t>{books.late, books.coop, books.other});

  const auto& late = item_of(mine.json, books.late);
  CHECK(late.at("kind") == "savings_group");
  CHECK(late.at("members") == 2);
  CHECK(late.at("cash") == "20000.00");  // 50,000 of shares less the 30,000 lent
  CHECK(late.at("loans_outstanding") == "30000.00");
  CHECK(late.at("par30") == "1.0000");
  CHECK(late.at("last_entry_date") == "2026-01-05");
  CHECK(late.at("last_activity").is_string());
  const auto* arrears = warning(late, "loans_in_arrears");
  REQUIRE(arrears);
  CHECK(arrears->at("figures").at("par30") == "1.0000");
  CHECK(arrears->at("figures").at("loans") == 1);
  CHECK(arrears->at("figures").at("late_balance") == "30000.00");
  // No meeting since January: far beyond a week and seven days.
  const auto* overdue = warning(late, "meeting_overdue");
  REQUIRE(overdue);
  CHECK(overdue->at("figures").at("last_meeting") == "2026-01-05");
  CHECK(overdue->at("figures").at("allowed_days") == 14);
  // Dated in January, recorded today: back-dated.
  CHECK(warning(late, "back_dated_entries"));
  const auto& coop = item_of(mine.json, books.coop);
  CHECK(coop.at("warnings").as_array().empty());
  CHECK(coop.at("loans_outstanding") == "0.00");
  CHECK(coop.at("last_activity").is_null());

  // As of a day before the loan fell due, nothing was late yet.
  const auto before = staff.get("/api/v1/dashboard?as_of=2026-01-20");
  REQUIRE(before.status == 200);
  CHECK(before.json.at("as_of") == "2026-01-20");
  CHECK_FALSE(warning(item_of(before.json, books.late), "loans_in_arrears"));

  // Pages of one.
  const auto first = staff.get("/api/v1/dashboard?limit=1");
  REQUIRE(first.status == 200);
  REQUIRE(first.json.at("items").as_array().size() == 1);
  REQUIRE(first.json.at("next_cursor").is_string());
  const auto second =
      staff.get("/api/v1/dashboard?limit=1&cursor=" + std::string(first.json.at("next_cursor").as_string()));
  REQUIRE(second.status == 200);
  CHECK(ids_of(second.json) == std::set<std::int64_t>{books.coop});
}

TEST_CASE("the dashboard refuses callers and input it should", "[api][staff]") {
  staff_books books;
  auto member_id = create_member(books.admin, books.late, "Chenda");
  auto member = signed_in_as(books.server, "member", {books.late}, member_id);
  CHECK(member.get("/api/v1/dashboard").error_code() == "forbidden");
  CHECK(books.server.client().get("/api/v1/dashboard").error_code() == "unauthenticated");
  auto staff = signed_in_as(books.server, "staff", {books.late});
  const auto bad_day = staff.get("/api/v1/dashboard?as_of=2026-02-30");
  CHECK(bad_day.status == 422);
  CHECK(bad_day.error_code() == "invalid_date");
  CHECK(staff.get("/api/v1/dashboard?limit=0").error_code() == "bad_request");
  CHECK(staff.get("/api/v1/dashboard?cursor=%%%").status == 400);
  // A group not assigned is as unknown as a missing one, in the dashboard, the reports and the audit trail.
  CHECK(staff.get(group_path(books.other, "/reports/cycle-summary")).error_code() == "not_found");
  CHECK(staff.get("/api/v1/audit?group_id=" + std::to_string(books.other)).error_code() == "not_found");
  // The programme's CSV is for staff and admins.
  auto treasurer = signed_in_as(books.server, "treasurer", {books.late});
  CHECK(treasurer.get("/api/v1/dashboard/cycle-summaries?format=csv").error_code() == "forbidden");
  CHECK(ids_of(treasurer.get("/api/v1/dashboard").json) == std::set<std::int64_t>{books.late});
  const auto bad_format = staff.get("/api/v1/dashboard/cycle-summaries?format=xls");
  CHECK(bad_format.status == 400);
  CHECK(bad_format.error_code() == "bad_request");
}

TEST_CASE("the cycle summaries of every assigned savings group as one CSV, SAVIX order", "[api][staff]") {
  staff_books books;
  auto staff = signed_in_as(books.server, "staff", {books.late, books.coop});
  const auto csv = staff.get("/api/v1/dashboard/cycle-summaries?format=csv&as_of=2026-04-01");
  REQUIRE(csv.status == 200);
  CHECK(csv.header("Content-Type").starts_with("text/csv"));
  CHECK(csv.header("Content-Disposition").find("samaki-cycle-summaries-2026-04-01.csv") != std::string::npos);
  const auto rows = csv_rows(csv.raw.body);
  REQUIRE(rows.size() == 2);  // the header and the one assigned savings group: no cooperative, no other group
  const auto& head = rows[0];
  const auto& row = rows[1];
  REQUIRE(head.size() == row.size());
  CHECK(std::vector<std::string>(head.begin(), head.begin() + 4) ==
        std::vector<std::string>{"group_id", "group_name", "group_name_km", "province"});
  CHECK(row[0] == std::to_string(books.late));

  // The figures are the group's own cycle-summary report's, in its CSV's order.
  const auto report = staff.get(group_path(books.late, "/reports/cycle-summary?format=csv&as_of=2026-04-01"));
  REQUIRE(report.status == 200);
  auto figures = csv_rows(report.raw.body);
  figures.erase(figures.begin());  // figure,value
  const auto first_figure = head.size() - figures.size();
  REQUIRE(head[first_figure] == "members_registered");
  for (std::size_t i = 0; i < figures.size(); ++i) {
    INFO(figures[i][0]);
    CHECK(head[first_figure + i] == figures[i][0]);
    CHECK(row[first_figure + i] == figures[i][1]);
  }
  auto column = [&](std::string_view name) {
    return row[static_cast<std::size_t>(std::find(head.begin(), head.end(), name) - head.begin())];
  };
  CHECK(column("par30") == "1.0000");
  CHECK(column("savings") == "50000.00");
  CHECK(column("loans_outstanding_value") == "30000.00");
  CHECK(column("cycle_start") == "2026-01-05");

  // The JSON form holds the same rows; an admin's has every savings group.
  const auto all = books.admin.get("/api/v1/dashboard/cycle-summaries");
  REQUIRE(all.status == 200);
  std::set<std::int64_t> groups;
  for (const auto& item : all.json.at("items").as_array()) groups.insert(item.at("group_id").as_int64());
  CHECK(groups == std::set<std::int64_t>{books.late, books.other});
}
