// The staff's view of many groups (issue 10):
// GET /api/v1/dashboard?as_of=&limit=&cursor= — every group the caller can see, by id, with its members, last
//   activity, key figures and warnings (ledger/reports/warnings.hpp names the codes and their figures);
// GET /api/v1/dashboard/cycle-summaries?format=json|csv&as_of= (staff, admin) — every visible savings group's
//   cycle summary, one row a group, the columns in the cycle-summary report's order (SAVIX style).
#include "ledger/reports/dashboard.hpp"
#include "ledger/reports/savings/savings_reports.hpp"
#include "ledger/store/queries.hpp"
#include "server/api/common.hpp"
#include "server/api/csv.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/paging.hpp"
#include "server/http/responses.hpp"
#include "server/json/ledger_json.hpp"
#include "server/json/savings_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <array>

namespace samaki::server {
namespace {

// The groups the caller may see: every group for an admin, the assigned ones for anyone else.
std::vector<ledger::group_info> visible_groups(ledger::sqlite::connection& db, const request_context& ctx) {
  std::optional<std::vector<ledger::group_id>> visible;
  if (ctx.caller->role != user_role::admin) visible = ctx.caller->groups;
  return ledger::list_groups(db, visible);
}

ledger::result<ledger::calendar_date> as_of_or_today(const request_context& ctx) {
  auto as_of = query_date(ctx, "as_of");
  if (!as_of) return as_of.error();
  return as_of->value_or(ledger::calendar_date::today(ctx.service.config.timezone_offset_minutes));
}

boost::json::object warning_json(const ledger::group_warning& w) {
  boost::json::object figures;
  for (const auto& f : w.figures) {
    if (f.number)
      figures[f.name] = std::stoll(f.value);
    else
      figures[f.name] = f.value;
  }
  return {{"code", w.code}, {"figures", std::move(figures)}};
}

boost::json::object overview_json(const ledger::group_overview& o) {
  auto out = group_json(o.group);
  boost::json::array warnings;
  for (const auto& w : o.warnings) warnings.push_back(warning_json(w));
  out["members"] = o.members;
  out["entries"] = o.entries;
  out["last_activity"] = o.last_activity ? boost::json::value(*o.last_activity) : nullptr;
  out["last_entry_date"] = date_json(o.last_entry_date);
  out["cash"] = o.cash.amount_text();
  out["loans_outstanding"] =
      o.loans_outstanding ? boost::json::value(o.loans_outstanding->amount_text()) : nullptr;
  out["par30"] = o.par30 ? boost::json::value(*o.par30) : nullptr;
  out["warnings"] = std::move(warnings);
  return out;
}

awaitable<http_response> dashboard(request_context& ctx) {
  auto page = read_page(ctx);
  if (!page) co_return error_response(page.error());
  auto after = page->after_id();
  if (!after) co_return error_response(after.error());
  auto day = as_of_or_today(ctx);
  if (!day) co_return error_response(day.error());
  struct answer {
    std::vector<ledger::group_overview> groups;
    bool more = false;
  };
  auto found = co_await on_reader(ctx.service, [&](reader& r) {
    answer a;
    for (const auto& g : visible_groups(r.db(), ctx)) {
      if (g.id.value <= *after) continue;
      if (a.groups.size() == page->limit) {
        a.more = true;
        break;
      }
      a.groups.push_back(ledger::overview_of(r.db(), g, *day));
    }
    return a;
  });
  boost::json::array items;
  for (const auto& o : found.groups) items.push_back(overview_json(o));
  std::optional<std::string> next;
  if (found.more) next = make_cursor(cursor_key(found.groups.back().group.id.value));
  auto body = list_body(std::move(items), next);
  body["as_of"] = day->to_string();
  co_return json_response(http::status::ok, body);
}

struct group_summary {
  ledger::group_info group;
  std::optional<ledger::cycle_summary> summary;  // none before the group's first cycle
};

// The columns before the figures: which group and which cycle the row is about.
constexpr std::array<std::string_view, 9> summary_heads = {"group_id",        "group_name", "group_name_km",
                                                           "province",        "cycle_id",   "cycle_start",
                                                           "cycle_closed_on", "as_of",      "currency"};

std::string summaries_csv(const std::vector<group_summary>& rows, ledger::calendar_date day) {
  csv_writer csv;
  std::vector<csv_cell> head(summary_heads.begin(), summary_heads.end());
  for (const auto& name : cycle_summary_figure_names()) head.emplace_back(name);
  csv.row(head);
  for (const auto& r : rows) {
    std::vector<csv_cell> cells{csv_cell::number(std::to_string(r.group.id.value)), r.group.name,
                                r.group.name_km, r.group.province};
    if (!r.summary) {
      cells.insert(cells.end(), {"", "", "", day.to_string(), r.group.currency.code()});
      for (std::size_t i = summary_heads.size(); i < head.size(); ++i) cells.emplace_back("");
    } else {
      const auto& s = *r.summary;
      cells.insert(cells.end(),
                   {csv_cell::number(std::to_string(s.cycle.id.value)), s.cycle.start.to_string(),
                    s.cycle.closed_on ? s.cycle.closed_on->to_string() : std::string(), s.as_of.to_string(),
                    s.currency.code()});
      for (const auto& [key, value] : cycle_summary_figures(s))
        cells.push_back(csv_cell::number(value.is_string() ? std::string(value.as_string())
                                                           : boost::json::serialize(value)));
    }
    csv.row(cells);
  }
  return csv.take();
}

boost::json::object summary_row_json(const group_summary& r) {
  boost::json::object figures;
  if (r.summary)
    for (auto& [key, value] : cycle_summary_figures(*r.summary)) figures[key] = std::move(value);
  return {{"group_id", r.group.id.value},
          {"group_name", r.group.name},
          {"group_name_km", r.group.name_km},
          {"province", r.group.province},
          {"currency", r.group.currency.code()},
          {"cycle_id", r.summary ? boost::json::value(r.summary->cycle.id.value) : nullptr},
          {"cycle_start", r.summary ? boost::json::value(r.summary->cycle.start.to_string()) : nullptr},
          {"cycle_closed_on", r.summary ? date_json(r.summary->cycle.closed_on) : nullptr},
          {"as_of", r.summary ? boost::json::value(r.summary->as_of.to_string()) : nullptr},
          {"figures", std::move(figures)}};
}

awaitable<http_response> cycle_summaries(request_context& ctx) {
  auto format = query_choice(ctx, "format", {"json", "csv"});
  if (!format) co_return error_response(format.error());
  auto day = as_of_or_today(ctx);
  if (!day) co_return error_response(day.error());
  auto rows = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<std::vector<group_summary>> {
    std::vector<group_summary> out;
    for (auto& g : visible_groups(r.db(), ctx)) {
      if (g.kind != ledger::group_kind::savings_group) continue;
      auto summary = ledger::summary_of_cycle(r.db(), g, std::nullopt, *day);
      if (!summary && summary.error().code != ledger::errc::not_found) return summary.error();
      out.push_back({std::move(g), summary ? std::optional(std::move(*summary)) : std::nullopt});
    }
    return out;
  });
  if (!rows) co_return error_response(rows.error());
  if (*format == "csv")
    co_return download_response(summaries_csv(*rows, *day), csv_content_type,
                                "samaki-cycle-summaries-" + day->to_string() + ".csv");
  boost::json::array items;
  for (const auto& r : *rows) items.push_back(summary_row_json(r));
  auto body = list_body(std::move(items), std::nullopt);
  body["as_of"] = day->to_string();
  co_return json_response(http::status::ok, body);
}

}  // namespace

void add_dashboard_routes(service& service) {
  // Anyone who reads books sees their groups' overview; the programme's CSV is for staff and admins.
  service.routes.add(http::verb::get, "/api/v1/dashboard", access::signed_in(book_readers), dashboard);
  service.routes.add(http::verb::get, "/api/v1/dashboard/cycle-summaries",
                     access::signed_in({user_role::admin, user_role::staff}), cycle_summaries);
}

}  // namespace samaki::server
