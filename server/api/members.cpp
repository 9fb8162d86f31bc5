// GET|POST /api/v1/groups/{gid}/members, GET .../members/{mid}, GET .../members/{mid}/statement[?format=csv].
#include "ledger/groups/registry.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/rows.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/paging.hpp"
#include "server/http/responses.hpp"
#include "server/json/json_edge.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

using ledger::member_info;

// The {mid} of the path, as long as it is a member of the {gid}: a member elsewhere is not_found.
ledger::result<member_info> path_member(ledger::sqlite::connection& db, const request_context& ctx) {
  auto member = ledger::load_member(db, ctx.params.id<ledger::member_id>(member_param));
  if (!member || member->group != path_group(ctx))
    return ledger::error(ledger::errc::not_found, "no such member");
  return std::move(*member);
}

awaitable<http_response> list_members(request_context& ctx) {
  auto page = read_page(ctx);
  if (!page) co_return error_response(page.error());
  auto after = page->after_id();
  if (!after) co_return error_response(after.error());
  auto members = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<std::vector<member_info>> {
    if (auto group = existing_group(r.db(), path_group(ctx)); !group) return group.error();
    return ledger::list_members(r.db(), path_group(ctx), *after, page->limit + 1);
  });
  if (!members) co_return error_response(members.error());
  co_return json_response(http::status::ok,
                          page_body(
                              std::move(*members), page->limit,
                              [](const member_info& m) { return std::to_string(m.id.value); }, member_json));
}

awaitable<http_response> create_member(request_context& ctx) {
  auto body = parse_json_body(ctx.request);
  if (!body) co_return error_response(body.error());
  auto member = parse_new_member(json_fields(*body), path_group(ctx));
  if (!member) co_return error_response(member.error());
  auto writing = write_audited<member_info>(
      ctx, "member.create", path_group(ctx),
      [m = std::move(*member)](ledger::write_context& w) { return ledger::add_member(w, m); },
      [](const member_info& m) -> std::optional<audit_note> {
        return audit_note{"member " + std::to_string(m.id.value), m.name, std::nullopt};
      });
  auto created = co_await std::move(writing);
  if (!created) co_return error_response(created.error());
  co_return json_response(http::status::created, member_json(*created));
}

awaitable<http_response> get_member(request_context& ctx) {
  auto member = co_await on_reader(ctx.service, [&](reader& r) { return path_member(r.db(), ctx); });
  if (!member) co_return error_response(member.error());
  co_return json_response(http::status::ok, member_json(*member));
}

boost::json::object statement_line_json(const ledger::statement_line& l) {
  return {{"entry_id", l.entry.value},         {"seq", l.seq},
          {"date", l.date.to_string()},        {"memo", l.memo},
          {"debit", l.debit.amount_text()},    {"credit", l.credit.amount_text()},
          {"balance", l.balance.amount_text()}};
}

boost::json::object statement_account_json(const ledger::statement_account& a) {
  boost::json::array lines;
  for (const auto& l : a.lines) lines.push_back(statement_line_json(l));
  return {{"code", a.code},
          {"name", a.name},
          {"name_km", a.name_km},
          {"type", ledger::type_name(a.type)},
          {"currency", a.currency.code()},
          {"opening", a.opening.amount_text()},
          {"closing", a.closing.amount_text()},
          {"lines", std::move(lines)}};
}

// For spreadsheets: per account an opening row, one row per line with its running balance, and a
// closing row.
std::string statement_csv(const std::vector<ledger::statement_account>& accounts) {
  csv_writer csv;
  csv.row({"code", "name", "name_km", "type", "currency", "row", "date", "seq", "entry_id", "memo", "debit",
           "credit", "balance"});
  for (const auto& a : accounts) {
    const auto money = [](const ledger::money& amount) { return csv_cell::number(amount.amount_text()); };
    const std::vector<csv_cell> account = {a.code, a.name, a.name_km, ledger::type_name(a.type),
                                           std::string(a.currency.code())};
    const auto row = [&](std::vector<csv_cell> rest) {
      std::vector<csv_cell> cells = account;
      cells.insert(cells.end(), rest.begin(), rest.end());
      csv.row(cells);
    };
    row({"opening", "", "", "", "", "", "", money(a.opening)});
    for (const auto& l : a.lines) {
      row({"line", l.date.to_string(), csv_cell::number(std::to_string(l.seq)),
           csv_cell::number(std::to_string(l.entry.value)), l.memo, money(l.debit), money(l.credit),
           money(l.balance)});
    }
    row({"closing", "", "", "", "", "", "", money(a.closing)});
  }
  return csv.take();
}

awaitable<http_response> member_statement(request_context& ctx) {
  auto from = query_date(ctx, "from");
  if (!from) co_return error_response(from.error());
  auto to = query_date(ctx, "to");
  if (!to) co_return error_response(to.error());
  auto format = query_choice(ctx, "format", {"json", "csv"});
  if (!format) co_return error_response(format.error());
  using statement = std::vector<ledger::statement_account>;
  auto accounts = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<statement> {
    auto member = path_member(r.db(), ctx);
    if (!member) return member.error();
    return ledger::member_statement(r.db(), member->group, member->id, *from, *to);
  });
  if (!accounts) co_return error_response(accounts.error());
  if (*format == "csv") {
    const std::string what = "member-" + std::to_string(ctx.params.id(member_param)) + "-statement";
    co_return download_response(statement_csv(*accounts), csv_content_type,
                                download_name(ctx, what, *to, "csv"));
  }
  boost::json::array out;
  for (const auto& a : *accounts) out.push_back(statement_account_json(a));
  co_return json_response(http::status::ok, {{"member_id", ctx.params.id(member_param)},
                                             {"from", date_json(*from)},
                                             {"to", date_json(*to)},
                                             {"accounts", std::move(out)}});
}

}  // namespace

void add_member_routes(service& service) {
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/members", access::in_group(book_readers),
                     list_members);
  service.routes.add(http::verb::post, "/api/v1/groups/{gid}/members", access::in_group(book_keepers),
                     create_member);
  // A member may read their own record and statement, and no one else's.
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/members/{mid}",
                     access::own_member(role_set::all()), get_member);
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/members/{mid}/statement",
                     access::own_member(role_set::all()), member_statement);
}

}  // namespace samaki::server
