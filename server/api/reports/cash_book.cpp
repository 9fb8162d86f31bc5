// GET /api/v1/groups/{gid}/reports/cash-book?account=1010&from=&to=[&format=csv][&lang=km]
#include "ledger/reports/cash_book.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/reports/report_options.hpp"
#include "server/api/reports/report_routes.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

boost::json::object cash_book_json(report_language language, const ledger::cash_book& book) {
  boost::json::array lines;
  for (const auto& l : book.lines) {
    boost::json::value member = nullptr;
    if (l.member) member = member_ref_json(language, *l.member);
    lines.push_back({{"date", l.date.to_string()},
                     {"seq", l.seq},
                     {"entry_id", l.entry.value},
                     {"memo", l.memo},
                     {"member", std::move(member)},
                     {"in", l.in.amount_text()},
                     {"out", l.out.amount_text()},
                     {"balance", l.balance.amount_text()}});
  }
  return {{"account", account_ref_json(language, book.account)},
          {"from", date_json(book.from)},
          {"to", date_json(book.to)},
          {"currency", book.account.currency.code()},
          {"opening", book.opening.amount_text()},
          {"total_in", book.total_in.amount_text()},
          {"total_out", book.total_out.amount_text()},
          {"closing", book.closing.amount_text()},
          {"lines", std::move(lines)}};
}

// For spreadsheets: an opening row, one row per movement with its running balance, and a closing row
// with the period's totals in and out.
std::string cash_book_csv(report_language language, const ledger::cash_book& book) {
  csv_writer csv;
  csv.row(
      {"row", "date", "seq", "entry_id", "memo", "member_id", "member", "in", "out", "balance", "currency"});
  const std::string currency(book.account.currency.code());
  const auto amount = [](const ledger::money& m) { return csv_cell::number(m.amount_text()); };
  const auto day = [](const auto& date) { return date ? date->to_string() : std::string(); };
  csv.row({"opening", day(book.from), "", "", "", "", "", "", "", amount(book.opening), currency});
  for (const auto& l : book.lines) {
    std::string who_id, who;
    if (l.member) {
      who_id = std::to_string(l.member->id.value);
      who = localized(language, l.member->name, l.member->name_km);
    }
    csv.row({"line", l.date.to_string(), csv_cell::number(std::to_string(l.seq)),
             csv_cell::number(std::to_string(l.entry.value)), l.memo, csv_cell::number(who_id), who,
             amount(l.in), amount(l.out), amount(l.balance), currency});
  }
  csv.row({"closing", day(book.to), "", "", "", "", "", amount(book.total_in), amount(book.total_out),
           amount(book.closing), currency});
  return csv.take();
}

}  // namespace

awaitable<http_response> cash_book_report(request_context& ctx) {
  auto period = read_report_period(ctx);
  if (!period) co_return error_response(period.error());
  auto account = ctx.query("account").value_or(std::string(ledger::default_cash_account));
  auto answering = answer_report<ledger::cash_book>(
      ctx, "cash-book-" + account, period->to,
      [p = *period, account, group = path_group(ctx)](ledger::sqlite::connection& db) {
        return ledger::read_cash_book(db, group, account, p.from, p.to);
      },
      cash_book_json, cash_book_csv);
  co_return co_await std::move(answering);
}

}  // namespace samaki::server
