// GET /api/v1/groups/{gid}/export?format=hledger|csv: the group's whole journal for other tools, the same
// text as `samaki export`: an hledger journal (`hledger -f - balance` gives the trial balance) or CSV.
#include "ledger/reports/hledger.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/journal_csv.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/http/responses.hpp"

namespace samaki::server {
namespace {

constexpr std::string_view journal_content_type = "text/plain; charset=utf-8";

awaitable<http_response> export_journal(request_context& ctx) {
  auto format = query_choice(ctx, "format", {"hledger", "csv"});
  if (!format) co_return error_response(format.error());
  const bool as_csv = *format == "csv";
  auto text = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<std::string> {
    // Every page of the journal from the same moment, though the writer commits meanwhile.
    ledger::sqlite::read_snapshot snapshot(r.db());
    if (auto group = existing_group(r.db(), path_group(ctx)); !group) return group.error();
    if (!as_csv) return ledger::hledger_journal(r.db(), path_group(ctx));
    std::string csv;
    write_journal_csv(r.db(), path_group(ctx), [&csv](const std::string& page) { csv += page; });
    return csv;
  });
  if (!text) co_return error_response(text.error());
  co_return download_response(std::move(*text), as_csv ? csv_content_type : journal_content_type,
                              download_name(ctx, "journal", std::nullopt, as_csv ? "csv" : "journal"));
}

}  // namespace

void add_export_routes(service& service) {
  // The whole journal: for those who read the books, not for members (api.md, roles).
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/export", access::in_group(book_readers),
                     export_journal);
}

}  // namespace samaki::server
