#include "server/api/common.hpp"

#include "ledger/date.hpp"
#include "ledger/journal/posting.hpp"
#include "ledger/store/rows.hpp"
#include "server/http/route_pattern.hpp"
#include "server/json/json_edge.hpp"

namespace samaki::server {

ledger::result<ledger::group_info> existing_group(ledger::sqlite::connection& db, ledger::group_id group) {
  auto found = ledger::load_group(db, group);
  if (!found) return ledger::error(ledger::errc::not_found, "no such group");
  return std::move(*found);
}

ledger::result<std::optional<ledger::calendar_date>> query_date(const request_context& ctx,
                                                                std::string_view name) {
  auto value = ctx.query(name);
  if (!value) return std::optional<ledger::calendar_date>();
  auto date = ledger::calendar_date::parse_field(*value, name);
  if (!date) return date.error();
  return std::optional<ledger::calendar_date>(*date);
}

ledger::result<std::optional<std::int64_t>> query_id(const request_context& ctx, std::string_view name) {
  const auto value = ctx.query(name);
  if (!value) return std::optional<std::int64_t>();
  const auto id = parse_id(*value);
  if (!id) {
    return ledger::error(ledger::errc::bad_request, std::string(name) + " must be a positive integer id",
                         {{"field", std::string(name)}});
  }
  return id;
}

ledger::result<std::string> query_choice(const request_context& ctx, std::string_view name,
                                         std::initializer_list<std::string_view> choices) {
  const auto value = ctx.query(name);
  if (!value) return std::string(*choices.begin());
  std::string list;
  for (auto choice : choices) {
    if (*value == choice) return std::string(choice);
    list += (list.empty() ? "" : " or ") + std::string(choice);
  }
  return ledger::error(ledger::errc::bad_request, std::string(name) + " must be " + list,
                       {{"field", std::string(name)}});
}

std::string download_name(const request_context& ctx, std::string_view what,
                          const std::optional<ledger::calendar_date>& date, std::string_view extension) {
  // A date writes as YYYY-MM-DD, so the name holds nothing to escape.
  auto day = date.value_or(ledger::calendar_date::today(ctx.service.config.timezone_offset_minutes));
  return "samaki-group-" + std::to_string(path_group(ctx).value) + "-" + std::string(what) + "-" +
         day.to_string() + "." + std::string(extension);
}

ledger::result<std::string> idempotency_key(const request_context& ctx) {
  const std::string_view key = ctx.header("Idempotency-Key");
  if (key.empty() || key.size() > ledger::max_idempotency_key_bytes) {
    return ledger::error(ledger::errc::bad_request,
                         "this request needs an Idempotency-Key header of 1 to " +
                             std::to_string(ledger::max_idempotency_key_bytes) + " characters",
                         {{"header", "Idempotency-Key"}});
  }
  return std::string(key);
}

api_result<boost::json::object> body_or_empty(const request_context& ctx) {
  if (ctx.request.body().empty()) return boost::json::object();
  return parse_json_body(ctx.request);
}

std::string author(const request_context& ctx) {
  return ctx.caller ? ctx.caller->username : std::string();
}

}  // namespace samaki::server
