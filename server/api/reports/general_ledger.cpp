// GET /api/v1/groups/{gid}/reports/general-ledger?account=&from=&to=[&format=csv][&lang=km]
#include "ledger/reports/general_ledger.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/reports/report_options.hpp"
#include "server/api/reports/report_routes.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

boost::json::value optional_member(const std::optional<ledger::member_id>& member) {
  if (member) return member->value;
  return nullptr;
}

boost::json::object ledger_account_json(report_language language, const ledger::ledger_account& a) {
  boost::json::array lines;
  for (const auto& l : a.lines) {
    lines.push_back({{"date", l.date.to_string()},
                     {"seq", l.seq},
                     {"entry_id", l.entry.value},
                     {"memo", l.memo},
                     {"member_id", optional_member(l.member)},
                     {"debit", l.debit.amount_text()},
                     {"credit", l.credit.amount_text()},
                     {"balance", l.balance.amount_text()}});
  }
  auto out = account_ref_json(language, a.account);
  out["opening"] = a.opening.amount_text();
  out["total_debit"] = a.total_debit.amount_text();
  out["total_credit"] = a.total_credit.amount_text();
  out["closing"] = a.closing.amount_text();
  out["lines"] = std::move(lines);
  return out;
}

boost::json::object general_ledger_json(report_language language, const ledger::general_ledger& gl) {
  boost::json::array accounts;
  for (const auto& a : gl.accounts) accounts.push_back(ledger_account_json(language, a));
  return {{"from", date_json(gl.from)}, {"to", date_json(gl.to)}, {"accounts", std::move(accounts)}};
}

// For spreadsheets: per account an opening row, one row per line with its running balance, and a closing
// row with the period's totals.
std::string general_ledger_csv(report_language language, const ledger::general_ledger& gl) {
  csv_writer csv;
  csv.row({"code", "name", "type", "currency", "row", "date", "seq", "entry_id", "memo", "member_id", "debit",
           "credit", "balance"});
  const auto amount = [](const ledger::money& m) { return csv_cell::number(m.amount_text()); };
  const auto number = [](std::int64_t n) { return csv_cell::number(std::to_string(n)); };
  for (const auto& a : gl.accounts) {
    const auto& acc = a.account;
    const std::vector<csv_cell> account = {acc.code, localized(language, acc.name, acc.name_km),
                                           ledger::type_name(acc.type), std::string(acc.currency.code())};
    const auto row = [&](std::vector<csv_cell> rest) {
      std::vector<csv_cell> cells = account;
      cells.insert(cells.end(), rest.begin(), rest.end());
      csv.row(cells);
    };
    row({"opening", "", "", "", "", "", "", "", amount(a.opening)});
    for (const auto& l : a.lines) {
      row({"line", l.date.to_string(), number(l.seq), number(l.entry.value), l.memo,
           l.member ? number(l.member->value) : csv_cell(""), amount(l.debit), amount(l.credit),
           amount(l.balance)});
    }
    row({"closing", "", "", "", "", "", amount(a.total_debit), amount(a.total_credit), amount(a.closing)});
  }
  return csv.take();
}

}  // namespace

awaitable<http_response> general_ledger_report(request_context& ctx) {
  auto period = read_report_period(ctx);
  if (!period) co_return error_response(period.error());
  auto account = ctx.query("account");
  auto answering = answer_report<ledger::general_ledger>(
      ctx, account ? "general-ledger-" + *account : std::string("general-ledger"), period->to,
      [p = *period, account, group = path_group(ctx)](ledger::sqlite::connection& db) {
        return ledger::read_general_ledger(db, group, account, p.from, p.to);
      },
      general_ledger_json, general_ledger_csv);
  co_return co_await std::move(answering);
}

}  // namespace samaki::server
