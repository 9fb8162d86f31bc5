// A cooperative's year-end reports, JSON or ?format=csv, names in Khmer with ?lang=km:
// GET .../reports/appropriation?year=&dividend_percent=&as_of= — the appropriation of the year's surplus as
//   the year_end operation makes it ("recorded": false, a preview; dividend_percent "0" when left out), or as
//   it made it ("recorded": true) once the year is closed; with as_of (a day of the year, 31 December when
//   left out, given back as "as_of") a preview as if the year ended that day;
// GET .../reports/annual?year=[&dividend_percent=] — financial position on 31 December, the year's income
//   statement, the appropriation (or "appropriation_refused" with the error that stops it, e.g. a loss),
//   changes in equity and patronage per member.
#include "ledger/coop/appropriation_fields.hpp"
#include "ledger/reports/coop/annual_report.hpp"
#include "ledger/reports/group_books.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/reports/report_options.hpp"
#include "server/api/reports/statement_json.hpp"
#include "server/http/responses.hpp"
#include "server/json/operation_json.hpp"

#include <boost/json/array.hpp>

#include <map>

namespace samaki::server {
namespace {

using ledger::money;

csv_cell number(const money& m) {
  return csv_cell::number(m.amount_text());
}

ledger::result<ledger::percent> read_dividend(const request_context& ctx) {
  auto text = ctx.query("dividend_percent").value_or("0");
  auto value = ledger::percent::parse(text);
  if (!value)
    return ledger::error(ledger::errc::bad_request, "dividend_percent must be a percentage from 0 to 100",
                         {{"field", "dividend_percent"}});
  return *value;
}

// The sheet's JSON with each member's name in the asked language beside their id.
boost::json::object sheet_json(report_language language, const ledger::appropriation_report& r,
                               const std::vector<ledger::member_info>& members) {
  auto out = field_value_json(ledger::field_value{ledger::appropriation_fields(r.sheet)}).as_object();
  std::map<std::int64_t, const ledger::member_info*> by_id;
  for (const auto& m : members) by_id[m.id.value] = &m;
  for (auto& row : out["members"].as_array()) {
    auto& o = row.as_object();
    if (auto it = by_id.find(o.at("member_id").as_int64()); it != by_id.end())
      add_names(o, language, *it->second);
  }
  out["recorded"] = r.recorded;
  out["as_of"] = r.as_of.to_string();
  return out;
}

void sheet_csv(csv_writer& csv, const ledger::appropriation_sheet& s) {
  csv.row({"section", "member_id", "share_capital", "dividend", "business", "refund", "refund_cash",
           "refund_retained"});
  for (const auto& m : s.members)
    csv.row({"member", csv_cell::number(std::to_string(m.member.value)), number(m.share_capital),
             number(m.dividend), number(m.business), number(m.refund), number(m.refund_cash),
             number(m.refund_retained)});
  for (auto [name, amount] :
       {std::pair{"surplus", s.surplus}, std::pair{"reserve", s.reserve}, std::pair{"education", s.education},
        std::pair{"dividends", s.dividends}, std::pair{"patronage_pool", s.patronage_pool},
        std::pair{"refunds", s.refunds}, std::pair{"total", s.total}, std::pair{"left_over", s.left_over}})
    csv.row({name, "", number(amount)});
}

awaitable<http_response> appropriation_report(request_context& ctx) {
  auto year = read_report_year(ctx);
  if (!year) co_return error_response(year.error());
  auto dividend = read_dividend(ctx);
  if (!dividend) co_return error_response(dividend.error());
  auto as_of = query_date(ctx, "as_of");
  if (!as_of) co_return error_response(as_of.error());
  using report = std::pair<ledger::appropriation_report, std::vector<ledger::member_info>>;
  auto answering = answer_report<report>(
      ctx, "appropriation", as_of->value_or(ledger::calendar_date::from_ymd(*year, 12, 31)),
      [group = path_group(ctx), y = *year, d = *dividend,
       day = *as_of](ledger::sqlite::connection& db) -> ledger::result<report> {
        auto r = ledger::read_appropriation_report(db, group, y, d, day);
        if (!r) return r.error();
        auto books = ledger::read_group_books(db, group);
        if (!books) return books.error();
        return report{std::move(*r), books->members};
      },
      [](report_language language, const report& r) { return sheet_json(language, r.first, r.second); },
      [](report_language, const report& r) {
        csv_writer csv;
        sheet_csv(csv, r.first.sheet);
        return csv.take();
      });
  co_return co_await std::move(answering);
}

boost::json::array equity_json(report_language language, const ledger::annual_report& r) {
  boost::json::array out;
  for (const auto& e : r.equity) {
    auto row = account_ref_json(language, e.account);
    row["member_id"] = e.member ? boost::json::value(e.member->value) : nullptr;
    row["opening"] = e.opening.amount_text();
    row["change"] = e.change.amount_text();
    row["closing"] = e.closing.amount_text();
    out.push_back(std::move(row));
  }
  return out;
}

boost::json::object annual_json(report_language language, const ledger::annual_report& r) {
  boost::json::object out{{"year", r.year},
                          {"currency", r.group.currency.code()},
                          {"closed", r.closed},
                          {"financial_position", balance_sheet_json(language, r.position, true)},
                          {"income_statement", income_statement_json(language, r.results)},
                          {"changes_in_equity", equity_json(language, r)}};
  if (r.appropriation) {
    auto sheet = sheet_json(language, *r.appropriation, r.members);
    out["patronage"] = sheet["members"];
    out["appropriation"] = std::move(sheet);
    out["appropriation_refused"] = nullptr;
  } else {
    out["appropriation"] = nullptr;
    out["patronage"] = boost::json::array{};
    out["appropriation_refused"] = {{"code", ledger::code_name(r.appropriation_refused->code)},
                                    {"message", r.appropriation_refused->message}};
  }
  return out;
}

// For spreadsheets: one section after another, each row led by its section's name.
std::string annual_csv(report_language language, const ledger::annual_report& r) {
  csv_writer csv;
  csv.row({"section", "code", "name", "member_id", "amount", "opening", "change", "closing"});
  for (const auto& c : r.position.currencies)
    for (auto [name, section] : {std::pair{"assets", &c.assets}, std::pair{"liabilities", &c.liabilities},
                                 std::pair{"equity", &c.equity}})
      for (const auto& row : section->rows)
        csv.row({name, row.account.code, localized(language, row.account.name, row.account.name_km), "",
                 number(row.balance)});
  for (const auto& c : r.results.currencies) {
    for (const auto& row : c.income)
      csv.row({"income", row.account.code, localized(language, row.account.name, row.account.name_km), "",
               number(row.amount)});
    for (const auto& row : c.expenses)
      csv.row({"expenses", row.account.code, localized(language, row.account.name, row.account.name_km), "",
               number(row.amount)});
    csv.row({"net_result", "", "", "", number(c.net_result)});
  }
  for (const auto& e : r.equity)
    csv.row({"changes_in_equity", e.account.code, localized(language, e.account.name, e.account.name_km),
             e.member ? csv_cell::number(std::to_string(e.member->value)) : csv_cell(""), "",
             number(e.opening), number(e.change), number(e.closing)});
  if (r.appropriation) sheet_csv(csv, r.appropriation->sheet);
  return csv.take();
}

awaitable<http_response> annual_report(request_context& ctx) {
  auto year = read_report_year(ctx);
  if (!year) co_return error_response(year.error());
  auto dividend = read_dividend(ctx);
  if (!dividend) co_return error_response(dividend.error());
  auto answering = answer_report<ledger::annual_report>(
      ctx, "annual", ledger::calendar_date::from_ymd(*year, 12, 31),
      [group = path_group(ctx), y = *year, d = *dividend](ledger::sqlite::connection& db) {
        return ledger::read_annual_report(db, group, y, d);
      },
      annual_json, annual_csv);
  co_return co_await std::move(answering);
}

}  // namespace

void add_coop_report_routes(service& service) {
  const std::string reports = "/api/v1/groups/{gid}/reports/";
  // Summaries of the year, as the general assembly sees them: every role of the group may read them.
  service.routes.add(http::verb::get, reports + "appropriation", access::in_group(role_set::all()),
                     appropriation_report);
  service.routes.add(http::verb::get, reports + "annual", access::in_group(role_set::all()), annual_report);
}

}  // namespace samaki::server
