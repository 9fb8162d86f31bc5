// GET /api/v1/groups/{gid}/reports/balance-sheet?as_of=[&members=true][&format=csv][&lang=km]
#include "ledger/reports/balance_sheet.hpp"
#include "ledger/operations/vocabulary.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/reports/report_options.hpp"
#include "server/api/reports/report_routes.hpp"
#include "server/api/reports/statement_json.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

using ledger::balance_sheet_currency;
using ledger::position_section;

// The line of equity that shows income less expenses not yet closed; a UI may name it from its "kind".
struct current_result_label {
  std::string name, name_km;
};
current_result_label current_result() {
  auto words = ledger::report_label("current_result");
  return {std::string(words.en), std::string(words.km)};
}

boost::json::object section_json(report_language language, const position_section& section) {
  boost::json::array rows;
  for (const auto& r : section.rows) {
    auto row = account_ref_json(language, r.account);
    row["kind"] = "account";
    row["member_ledger"] = r.account.member_ledger;
    row["balance"] = r.balance.amount_text();
    if (r.account.member_ledger && !r.members.empty()) {
      boost::json::array members;
      for (const auto& m : r.members) {
        auto member = member_ref_json(language, m.member);
        member["balance"] = m.balance.amount_text();
        members.push_back(std::move(member));
      }
      row["members"] = std::move(members);
    }
    rows.push_back(std::move(row));
  }
  return {{"rows", std::move(rows)}, {"total", section.total.amount_text()}};
}

boost::json::object current_result_json(report_language language, const balance_sheet_currency& c) {
  boost::json::object out{{"code", nullptr}};
  add_names(out, language, current_result());
  out["type"] = "equity";
  out["currency"] = c.currency.code();
  out["kind"] = "current_result";
  out["member_ledger"] = false;
  out["balance"] = c.current_result.amount_text();
  return out;
}

}  // namespace

boost::json::object balance_sheet_json(report_language language, const ledger::balance_sheet& sheet,
                                       bool with_members) {
  boost::json::array currencies;
  for (const auto& c : sheet.currencies) {
    auto equity = section_json(language, c.equity);
    equity["rows"].as_array().push_back(current_result_json(language, c));
    currencies.push_back({{"currency", c.currency.code()},
                          {"assets", section_json(language, c.assets)},
                          {"liabilities", section_json(language, c.liabilities)},
                          {"equity", std::move(equity)},
                          {"current_result", c.current_result.amount_text()},
                          {"total_liabilities_and_equity", c.liabilities_and_equity.amount_text()}});
  }
  return {
      {"as_of", date_json(sheet.as_of)}, {"members", with_members}, {"currencies", std::move(currencies)}};
}

namespace {

// For spreadsheets: one row per account (and member, when asked), the current result, and each total
// (kind "total"), so the sheet can filter what it sums.
std::string balance_sheet_csv(report_language language, const ledger::balance_sheet& sheet) {
  csv_writer csv;
  csv.row({"currency", "section", "kind", "code", "name", "member_id", "balance"});
  for (const auto& c : sheet.currencies) {
    const std::string currency(c.currency.code());
    const auto amount = [](const ledger::money& m) { return csv_cell::number(m.amount_text()); };
    const auto section = [&](std::string_view name, const position_section& s) {
      for (const auto& r : s.rows) {
        const auto& a = r.account;
        csv.row({currency, name, "account", a.code, localized(language, a.name, a.name_km), "",
                 amount(r.balance)});
        for (const auto& m : r.members) {
          csv.row({currency, name, "member", a.code, localized(language, m.member.name, m.member.name_km),
                   csv_cell::number(std::to_string(m.member.id.value)), amount(m.balance)});
        }
      }
    };
    section("assets", c.assets);
    csv.row({currency, "assets", "total", "", "", "", amount(c.assets.total)});
    section("liabilities", c.liabilities);
    csv.row({currency, "liabilities", "total", "", "", "", amount(c.liabilities.total)});
    section("equity", c.equity);
    const auto label = current_result();
    csv.row({currency, "equity", "current_result", "", localized(language, label.name, label.name_km), "",
             amount(c.current_result)});
    csv.row({currency, "equity", "total", "", "", "", amount(c.equity.total)});
    csv.row({currency, "liabilities_and_equity", "total", "", "", "", amount(c.liabilities_and_equity)});
  }
  return csv.take();
}

}  // namespace

awaitable<http_response> balance_sheet_report(request_context& ctx) {
  auto as_of = query_date(ctx, "as_of");
  if (!as_of) co_return error_response(as_of.error());
  auto with_members = query_flag(ctx, "members");
  if (!with_members) co_return error_response(with_members.error());
  // A summary members may read, but not with every member's balances listed under it.
  if (*with_members && ctx.caller && ctx.caller->role == user_role::member) {
    co_return error_response(
        api_error::forbidden("members=true lists every member's balances: for the group's "
                             "book readers only",
                             {{"field", "members"}}));
  }
  auto answering = answer_report<ledger::balance_sheet>(
      ctx, "balance-sheet", *as_of,
      [as_of_day = *as_of, listing = *with_members, group = path_group(ctx)](ledger::sqlite::connection& db) {
        return ledger::read_balance_sheet(db, group, as_of_day, listing);
      },
      [listing = *with_members](report_language language, const ledger::balance_sheet& sheet) {
        return balance_sheet_json(language, sheet, listing);
      },
      balance_sheet_csv);
  co_return co_await std::move(answering);
}

}  // namespace samaki::server
