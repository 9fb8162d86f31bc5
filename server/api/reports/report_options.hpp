#pragma once
// What the general reports share at the edge: ?format=json|csv and ?lang=en|km, a period ?from=&to=,
// names in the asked language, and the answer as JSON or as a CSV attachment.
#include "ledger/date.hpp"
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/store/sqlite.hpp"
#include "server/http/request_context.hpp"
#include "server/http/responses.hpp"
#include "server/service.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace samaki::server {

enum class report_language { en, km };

struct report_options {
  bool csv = false;
  report_language language = report_language::en;
};

// ?format= (json by default, or csv) and ?lang= (en by default, or km); bad_request naming the field.
ledger::result<report_options> read_report_options(const request_context& ctx);

struct report_period {
  std::optional<ledger::calendar_date> from, to;
};
// ?from= and ?to=, each optional; invalid_date naming the field, bad_request when from is after to.
ledger::result<report_period> read_report_period(const request_context& ctx);

// ?year=: required, a year like 2026; bad_request naming the field otherwise.
ledger::result<int> read_report_year(const request_context& ctx);

// ?name=true|false, false when absent; bad_request naming the field otherwise.
ledger::result<bool> query_flag(const request_context& ctx, std::string_view name);

// The name in the asked language: the Khmer one under ?lang=km, unless it was never given.
std::string localized(report_language language, const std::string& name, const std::string& name_km);

// Adds "name" (in the asked language) and "name_km" (the Khmer one) of anything that has both.
template <class Named>
void add_names(boost::json::object& out, report_language language, const Named& named) {
  out["name"] = localized(language, named.name, named.name_km);
  out["name_km"] = named.name_km;
}

// {"code","name","name_km","type","currency"} of an account, named in the asked language.
boost::json::object account_ref_json(report_language language, const ledger::account_info& account);
// {"id","name","name_km"} of a member, named in the asked language.
boost::json::object member_ref_json(report_language language, const ledger::member_info& member);

// The JSON body, or with ?format=csv the CSV as an attachment named after the group, `what` and `day`.
http_response report_response(const request_context& ctx, const report_options& options,
                              std::string_view what, const std::optional<ledger::calendar_date>& day,
                              const std::function<boost::json::object()>& json,
                              const std::function<std::string()>& csv);

// A report's whole answer: reads ?format= and ?lang=, runs `read` on a database thread, and answers the
// report as JSON or CSV (named after `what` and `day`), or the error of either. Call it in a statement of
// its own and co_await what it returns in the next (GCC 12 and temporaries of co_await, see common.hpp).
template <class Report>
awaitable<http_response> answer_report(
    request_context& ctx, std::string what, std::optional<ledger::calendar_date> day,
    std::function<ledger::result<Report>(ledger::sqlite::connection&)> read,
    std::function<boost::json::object(report_language, const Report&)> json,
    std::function<std::string(report_language, const Report&)> csv) {
  auto options = read_report_options(ctx);
  if (!options) co_return error_response(options.error());
  auto report = co_await on_reader(ctx.service, [&](reader& r) { return read(r.db()); });
  if (!report) co_return error_response(report.error());
  co_return report_response(
      ctx, *options, what, day, [&] { return json(options->language, *report); },
      [&] { return csv(options->language, *report); });
}

}  // namespace samaki::server
