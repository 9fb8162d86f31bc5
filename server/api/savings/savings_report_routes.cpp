// Savings-group reports (operations.md, "Savings-group reports"), JSON or ?format=csv:
// GET .../members/{mid}/passbook?cycle=, GET .../reports/loan-portfolio?as_of=, GET
// .../reports/cycle-summary?cycle=&as_of=, GET .../reports/share-out?as_of= (the preview of product.md's
// arithmetic).
#include "ledger/reports/savings/savings_reports.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/http/responses.hpp"
#include "server/json/ledger_json.hpp"
#include "server/json/savings_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

namespace samaki::server {
namespace {

using ledger::money;

ledger::calendar_date today(const request_context& ctx) {
  return ledger::calendar_date::today(ctx.service.config.timezone_offset_minutes);
}

csv_cell number(const money& m) {
  return csv_cell::number(m.amount_text());
}

csv_cell number(std::int64_t n) {
  return csv_cell::number(std::to_string(n));
}

ledger::result<std::optional<ledger::cycle_id>> query_cycle(const request_context& ctx) {
  auto id = query_id(ctx, "cycle");
  if (!id) return id.error();
  if (!*id) return std::optional<ledger::cycle_id>();
  return std::optional<ledger::cycle_id>(ledger::cycle_id{**id});
}

// Answers a report as JSON or, with ?format=csv, as an attachment.
template <class Report, class ToJson, class ToCsv>
http_response report_response(const request_context& ctx, const std::string& format, const Report& report,
                              std::string_view what, std::optional<ledger::calendar_date> day, ToJson to_json,
                              ToCsv to_csv) {
  if (format == "csv")
    return download_response(to_csv(report), csv_content_type, download_name(ctx, what, day, "csv"));
  return json_response(http::status::ok, to_json(report));
}

// Passbook.

boost::json::object passbook_row_json(const ledger::passbook_row& r) {
  return {{"date", r.date.to_string()},
          {"operation_id", r.operation ? boost::json::value(r.operation->value) : nullptr},
          {"type", r.operation_type},
          {"attendance", r.attendance ? boost::json::value(ledger::attendance_name(*r.attendance)) : nullptr},
          {"shares_bought", r.shares_bought},
          {"shares_total", r.shares_total},
          {"savings", r.savings.amount_text()},
          {"social_fund", r.social_fund.amount_text()},
          {"fines", r.fines.amount_text()},
          {"loan_taken", r.loan_taken.amount_text()},
          {"repaid_principal", r.repaid_principal.amount_text()},
          {"repaid_interest", r.repaid_interest.amount_text()},
          {"grant", r.grant.amount_text()},
          {"written_off", r.written_off.amount_text()},
          {"loan_outstanding", r.loan_outstanding.amount_text()}};
}

boost::json::object passbook_json(const ledger::passbook& p) {
  boost::json::array rows;
  for (const auto& r : p.rows) rows.push_back(passbook_row_json(r));
  auto totals = passbook_row_json(p.totals);
  for (auto key : {"date", "operation_id", "type", "attendance"}) totals.erase(key);
  return {{"member", member_json(p.member)},
          {"cycle", cycle_json(p.cycle, p.cycle.closed_on.value_or(p.totals.date))},
          {"currency", p.cycle.settings.front().share_value.currency_code()},
          {"rows", std::move(rows)},
          {"totals", std::move(totals)}};
}

std::string passbook_csv(const ledger::passbook& p) {
  csv_writer csv;
  csv.row({"date", "type", "attendance", "shares_bought", "shares_total", "savings", "social_fund", "fines",
           "loan_taken", "repaid_principal", "repaid_interest", "grant", "written_off", "loan_outstanding"});
  for (const auto& r : p.rows)
    csv.row({r.date.to_string(), r.operation_type,
             r.attendance ? std::string(ledger::attendance_name(*r.attendance)) : std::string(),
             number(r.shares_bought), number(r.shares_total), number(r.savings), number(r.social_fund),
             number(r.fines), number(r.loan_taken), number(r.repaid_principal), number(r.repaid_interest),
             number(r.grant), number(r.written_off), number(r.loan_outstanding)});
  return csv.take();
}

awaitable<http_response> passbook(request_context& ctx) {
  auto cycle = query_cycle(ctx);
  if (!cycle) co_return error_response(cycle.error());
  auto format = query_choice(ctx, "format", {"json", "csv"});
  if (!format) co_return error_response(format.error());
  auto book = co_await on_reader(ctx.service, [&](reader& r) {
    return ledger::member_passbook(r.db(), path_group(ctx), ctx.params.id<ledger::member_id>(member_param),
                                   *cycle);
  });
  if (!book) co_return error_response(book.error());
  co_return report_response(ctx, *format, *book,
                            "member-" + std::to_string(book->member.id.value) + "-passbook",
                            book->totals.date, passbook_json, passbook_csv);
}

// Loan portfolio.

boost::json::object portfolio_json(const ledger::loan_portfolio& p) {
  boost::json::array loans;
  for (const auto& [loan, position] : p.loans) loans.push_back(loan_json(loan, position));
  return {{"as_of", p.as_of.to_string()},
          {"currency", p.currency.code()},
          {"cycle_id", p.cycle ? boost::json::value(p.cycle->value) : nullptr},
          {"loans", std::move(loans)},
          {"outstanding", p.outstanding.amount_text()},
          {"buckets",
           {{"current", p.current.amount_text()},
            {"1_30", p.days_1_30.amount_text()},
            {"31_60", p.days_31_60.amount_text()},
            {"61_90", p.days_61_90.amount_text()},
            {"over_90", p.over_90.amount_text()}}},
          {"par30", p.par30},
          {"par_any", p.par_any},
          {"written_off", p.written_off.amount_text()}};
}

std::string portfolio_csv(const ledger::loan_portfolio& p) {
  csv_writer csv;
  csv.row({"loan_id", "member_id", "disbursed_on", "principal", "outstanding", "interest_due",
           "days_in_arrears", "next_due_date", "next_due_amount", "status"});
  for (const auto& [loan, position] : p.loans)
    csv.row({number(loan.id.value), number(loan.member.value), loan.terms.disbursed_on.to_string(),
             number(loan.terms.principal), number(position.outstanding), number(position.interest_due),
             number(position.days_in_arrears),
             position.next_due ? position.next_due->date.to_string() : std::string(),
             position.next_due ? number(position.next_due->amount) : csv_cell(""),
             std::string(ledger::loan_status_name(position.status))});
  return csv.take();
}

awaitable<http_response> loan_portfolio(request_context& ctx) {
  auto as_of = query_date(ctx, "as_of");
  if (!as_of) co_return error_response(as_of.error());
  auto format = query_choice(ctx, "format", {"json", "csv"});
  if (!format) co_return error_response(format.error());
  auto day = as_of->value_or(today(ctx));
  auto portfolio = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<ledger::loan_portfolio> {
    auto group = existing_group(r.db(), path_group(ctx));
    if (!group) return group.error();
    return ledger::portfolio_at(r.db(), *group, day);
  });
  if (!portfolio) co_return error_response(portfolio.error());
  co_return report_response(ctx, *format, *portfolio, "loan-portfolio", day, portfolio_json, portfolio_csv);
}

// Cycle summary: one figure a key; the CSV is one row per figure, the order a programme reports them
// (cycle_summary_figures, which the staff's CSV of many groups shares).

boost::json::object summary_json(const ledger::cycle_summary& s) {
  boost::json::object out{{"cycle_id", s.cycle.id.value},
                          {"start", s.cycle.start.to_string()},
                          {"closed_on", date_json(s.cycle.closed_on)},
                          {"as_of", s.as_of.to_string()},
                          {"currency", s.currency.code()}};
  for (auto& [key, value] : cycle_summary_figures(s)) out[key] = std::move(value);
  out["loans_outstanding"] = {{"number", s.loans_outstanding_number},
                              {"value", s.loans_outstanding_value.amount_text()}};
  out["social_fund"] = {{"in", s.social_fund_in.amount_text()},
                        {"out", s.social_fund_out.amount_text()},
                        {"held", s.social_fund_held.amount_text()}};
  return out;
}

std::string summary_csv(const ledger::cycle_summary& s) {
  csv_writer csv;
  csv.row({"figure", "value"});
  for (const auto& [key, value] : cycle_summary_figures(s)) {
    auto text = value.is_string() ? std::string(value.as_string()) : boost::json::serialize(value);
    csv.row({key, csv_cell::number(text)});
  }
  return csv.take();
}

awaitable<http_response> cycle_summary(request_context& ctx) {
  auto cycle = query_cycle(ctx);
  if (!cycle) co_return error_response(cycle.error());
  // An open cycle's figures at ?as_of= (default today), so they can be read for a past day; a closed
  // cycle's are at its share-out.
  auto as_of = query_date(ctx, "as_of");
  if (!as_of) co_return error_response(as_of.error());
  const auto day = as_of->value_or(today(ctx));
  auto format = query_choice(ctx, "format", {"json", "csv"});
  if (!format) co_return error_response(format.error());
  auto summary = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<ledger::cycle_summary> {
    auto group = existing_group(r.db(), path_group(ctx));
    if (!group) return group.error();
    return ledger::summary_of_cycle(r.db(), *group, *cycle, day);
  });
  if (!summary) co_return error_response(summary.error());
  co_return report_response(ctx, *format, *summary, "cycle-summary", summary->as_of, summary_json,
                            summary_csv);
}

// Share-out preview.

boost::json::object sheet_json(const ledger::share_out_sheet& s) {
  boost::json::array members;
  for (const auto& m : s.members)
    members.push_back({{"member_id", m.member.value},
                       {"weight", m.weight.amount_text()},
                       {"payout", m.payout.amount_text()}});
  return {{"as_of", s.as_of.to_string()},
          {"currency", s.currency.code()},
          {"fund", s.fund.amount_text()},
          {"cash_unit", s.cash_unit.amount_text()},
          {"total_weight", s.total_weight.amount_text()},
          {"members", std::move(members)},
          {"residual", s.residual.amount_text()}};
}

std::string sheet_csv(const ledger::share_out_sheet& s) {
  csv_writer csv;
  csv.row({"member_id", "weight", "payout"});
  for (const auto& m : s.members) csv.row({number(m.member.value), number(m.weight), number(m.payout)});
  return csv.take();
}

awaitable<http_response> share_out(request_context& ctx) {
  auto as_of = query_date(ctx, "as_of");
  if (!as_of) co_return error_response(as_of.error());
  auto format = query_choice(ctx, "format", {"json", "csv"});
  if (!format) co_return error_response(format.error());
  auto day = as_of->value_or(today(ctx));
  auto sheet = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<ledger::share_out_sheet> {
    auto group = existing_group(r.db(), path_group(ctx));
    if (!group) return group.error();
    if (group->kind != ledger::group_kind::savings_group)
      return ledger::error(ledger::errc::wrong_group_kind, "only savings groups share out");
    return ledger::share_out_preview(r.db(), *group, day);
  });
  if (!sheet) co_return error_response(sheet.error());
  co_return report_response(ctx, *format, *sheet, "share-out", day, sheet_json, sheet_csv);
}

}  // namespace

void add_savings_report_routes(service& service) {
  const std::string reports = "/api/v1/groups/{gid}/reports/";
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/members/{mid}/passbook",
                     access::own_member(role_set::all()), passbook);
  // The summaries a member may see too (api.md: a member reads the group's summary reports).
  service.routes.add(http::verb::get, reports + "loan-portfolio", access::in_group(book_readers),
                     loan_portfolio);
  service.routes.add(http::verb::get, reports + "cycle-summary", access::in_group(role_set::all()),
                     cycle_summary);
  service.routes.add(http::verb::get, reports + "share-out", access::in_group(role_set::all()), share_out);
}

}  // namespace samaki::server
