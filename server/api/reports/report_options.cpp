#include "server/api/reports/report_options.hpp"

#include "server/api/common.hpp"
#include "server/api/csv.hpp"

namespace samaki::server {

ledger::result<report_options> read_report_options(const request_context& ctx) {
  auto format = query_choice(ctx, "format", {"json", "csv"});
  if (!format) return format.error();
  auto lang = query_choice(ctx, "lang", {"en", "km"});
  if (!lang) return lang.error();
  return report_options{*format == "csv", *lang == "km" ? report_language::km : report_language::en};
}

ledger::result<report_period> read_report_period(const request_context& ctx) {
  auto from = query_date(ctx, "from");
  if (!from) return from.error();
  auto to = query_date(ctx, "to");
  if (!to) return to.error();
  if (*from && *to && **to < **from)
    return ledger::error(ledger::errc::bad_request, "from must not be after to",
                         {{"field", "from"}, {"from", (*from)->to_string()}, {"to", (*to)->to_string()}});
  return report_period{*from, *to};
}

ledger::result<int> read_report_year(const request_context& ctx) {
  auto text = ctx.query("year");
  int year = 0;
  bool digits = text && text->size() == 4;
  if (digits)
    for (char c : *text) {
      digits = digits && c >= '0' && c <= '9';
      year = year * 10 + (c - '0');
    }
  if (!digits || year < 1900)
    return ledger::error(ledger::errc::bad_request, "?year= is required, e.g. year=2026",
                         {{"field", "year"}});
  return year;
}

ledger::result<bool> query_flag(const request_context& ctx, std::string_view name) {
  auto value = query_choice(ctx, name, {"false", "true"});
  if (!value) return value.error();
  return *value == "true";
}

std::string localized(report_language language, const std::string& name, const std::string& name_km) {
  return language == report_language::km && !name_km.empty() ? name_km : name;
}

boost::json::object account_ref_json(report_language language, const ledger::account_info& account) {
  boost::json::object out{{"code", account.code}};
  add_names(out, language, account);
  out["type"] = ledger::type_name(account.type);
  out["currency"] = account.currency.code();
  return out;
}

boost::json::object member_ref_json(report_language language, const ledger::member_info& member) {
  boost::json::object out{{"id", member.id.value}};
  add_names(out, language, member);
  return out;
}

http_response report_response(const request_context& ctx, const report_options& options,
                              std::string_view what, const std::optional<ledger::calendar_date>& day,
                              const std::function<boost::json::object()>& json,
                              const std::function<std::string()>& csv) {
  if (options.csv) return download_response(csv(), csv_content_type, download_name(ctx, what, day, "csv"));
  return json_response(http::status::ok, json());
}

}  // namespace samaki::server
