// Loans (operations.md, "Loans"): GET /api/v1/groups/{gid}/loans?member_id=&status=&as_of=,
// GET .../loans/{id}?as_of= (with the schedule and payments), and a member's own
// GET .../members/{mid}/loans. Where each loan stands is worked out at `as_of` (default today).
#include "ledger/store/savings_records.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/paging.hpp"
#include "server/http/responses.hpp"
#include "server/json/savings_json.hpp"

#include <boost/json/array.hpp>

namespace samaki::server {
namespace {

struct loan_query {
  ledger::calendar_date as_of;
  std::optional<ledger::loan_status> status;
  std::optional<ledger::member_id> member;
};

ledger::result<loan_query> read_query(const request_context& ctx, bool member_in_path) {
  loan_query q;
  auto as_of = query_date(ctx, "as_of");
  if (!as_of) return as_of.error();
  q.as_of = as_of->value_or(ledger::calendar_date::today(ctx.service.config.timezone_offset_minutes));
  if (auto status = ctx.query("status")) {
    q.status = ledger::parse_loan_status(*status);
    if (!q.status)
      return ledger::error(ledger::errc::bad_request, "status must be open, repaid or written_off",
                           {{"field", "status"}});
  }
  if (member_in_path) {
    q.member = ctx.params.id<ledger::member_id>(member_param);
  } else {
    auto member = query_id(ctx, "member_id");
    if (!member) return member.error();
    if (*member) q.member = ledger::member_id{**member};
  }
  return q;
}

awaitable<http_response> loans_of(request_context& ctx, bool member_in_path) {
  auto q = read_query(ctx, member_in_path);
  if (!q) co_return error_response(q.error());
  auto loans =
      co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<std::vector<ledger::loan_record>> {
        if (auto group = existing_group(r.db(), path_group(ctx)); !group) return group.error();
        return ledger::load_loans(r.db(), ledger::loan_filter{path_group(ctx), q->member, std::nullopt});
      });
  if (!loans) co_return error_response(loans.error());
  boost::json::array items;
  for (const auto& loan : *loans) {
    if (loan.terms.disbursed_on > q->as_of) continue;
    auto position = ledger::position_at(loan, q->as_of);
    if (q->status && position.status != *q->status) continue;
    items.push_back(loan_json(loan, position));
  }
  auto body = list_body(std::move(items), std::nullopt);
  body["as_of"] = q->as_of.to_string();
  co_return json_response(http::status::ok, body);
}

awaitable<http_response> list_loans(request_context& ctx) {
  co_return co_await loans_of(ctx, false);
}

awaitable<http_response> member_loans(request_context& ctx) {
  co_return co_await loans_of(ctx, true);
}

awaitable<http_response> get_loan(request_context& ctx) {
  auto q = read_query(ctx, false);
  if (!q) co_return error_response(q.error());
  auto loan = co_await on_reader(ctx.service, [&](reader& r) {
    return ledger::load_loan(r.db(), ctx.params.id<ledger::loan_id>("id"));
  });
  if (!loan || loan->group != path_group(ctx))
    co_return error_response(ledger::error(ledger::errc::not_found, "no such loan"));
  co_return json_response(http::status::ok,
                          loan_detail_json(*loan, ledger::position_at(*loan, q->as_of), q->as_of));
}

}  // namespace

void add_loan_routes(service& service) {
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/loans", access::in_group(book_readers),
                     list_loans);
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/loans/{id}", access::in_group(book_readers),
                     get_loan);
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/members/{mid}/loans",
                     access::own_member(role_set::all()), member_loans);
}

}  // namespace samaki::server
