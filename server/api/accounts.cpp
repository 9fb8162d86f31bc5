// GET|POST /api/v1/groups/{gid}/accounts, GET .../accounts/{code}.
#include "ledger/groups/registry.hpp"
#include "ledger/store/queries.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/paging.hpp"
#include "server/http/responses.hpp"
#include "server/json/json_edge.hpp"
#include "server/json/ledger_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <memory>

namespace samaki::server {
namespace {

using ledger::account_balance;

boost::json::object balance_json(const account_balance& a) {
  return account_json(a.account, a.balance);
}

using account_snapshot = account_list_cache::snapshot;

boost::json::object accounts_page(std::vector<account_balance> accounts, const page_query& page) {
  // The chart comes ordered by code, so the cursor is the last code shown.
  return page_after(
      std::move(accounts), page.limit, page.after, [](const account_balance& a) { return a.account.code; },
      balance_json);
}

// The group's accounts read from the database, with the body most requests ask for made once.
ledger::result<std::shared_ptr<const account_snapshot>> read_accounts(reader& r, ledger::group_id group) {
  if (auto found = existing_group(r.db(), group); !found) return found.error();
  auto copy = std::make_shared<account_snapshot>();
  copy->accounts = ledger::list_accounts(r.db(), group);
  copy->first_page = boost::json::serialize(accounts_page(copy->accounts, page_query{}));
  return copy;
}

awaitable<http_response> list_accounts(request_context& ctx) {
  auto page = read_page(ctx);
  if (!page) co_return error_response(page.error());
  auto group = path_group(ctx);
  auto* cache = ctx.service.account_lists.get();
  auto accounts = cache ? cache->find(group) : nullptr;
  if (!accounts) {
    auto read = co_await on_reader(ctx.service, [&](reader& r) {
      if (!cache) return read_accounts(r, group);
      auto ticket = cache->before_reading(group);  // before the read, so a commit during it is noticed
      auto copy = read_accounts(r, group);
      if (copy) cache->keep(ticket, *copy);
      return copy;
    });
    if (!read) co_return error_response(read.error());
    accounts = std::move(*read);
  }
  if (!page->after && page->limit == default_page_limit)
    co_return text_response(http::status::ok, accounts->first_page, json_content_type);
  co_return json_response(http::status::ok, accounts_page(accounts->accounts, *page));
}

awaitable<http_response> create_account(request_context& ctx) {
  auto body = parse_json_body(ctx.request);
  if (!body) co_return error_response(body.error());
  auto account = parse_new_account(json_fields(*body), path_group(ctx));
  if (!account) co_return error_response(account.error());
  auto writing = write_audited<ledger::account_info>(
      ctx, "account.create", path_group(ctx),
      [a = std::move(*account)](ledger::write_context& w) { return ledger::add_account(w, a); },
      [](const ledger::account_info& a) -> std::optional<audit_note> {
        return audit_note{"account " + a.code, a.name, std::nullopt};
      });
  auto created = co_await std::move(writing);
  if (!created) co_return error_response(created.error());
  co_return json_response(http::status::created,
                          account_json(*created, ledger::money::zero(created->currency)));
}

// Nothing may be posted to a closed account dated after the day it closed; its balance must be zero.
awaitable<http_response> close_account(request_context& ctx) {
  auto body = body_or_empty(ctx);
  if (!body) co_return error_response(body.error());
  auto closing =
      parse_account_closing(json_fields(*body), path_group(ctx), std::string(ctx.params.text("code")));
  if (!closing) co_return error_response(closing.error());
  closing->author = author(ctx);
  auto writing = write_audited<ledger::account_info>(
      ctx, "account.close", path_group(ctx),
      [c = std::move(*closing)](ledger::write_context& w) { return ledger::close_account(w, c); },
      [](const ledger::account_info& a) -> std::optional<audit_note> {
        return audit_note{"account " + a.code, "closed on " + a.closed_on->to_string(), std::nullopt};
      });
  auto closed = co_await std::move(writing);
  if (!closed) co_return error_response(closed.error());
  co_return json_response(http::status::ok, account_json(*closed, ledger::money::zero(closed->currency)));
}

awaitable<http_response> get_account(request_context& ctx) {
  const std::string& code = ctx.params.text("code");
  auto found = co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<ledger::account_detail> {
    auto detail = ledger::find_account_detail(r.db(), path_group(ctx), code);
    if (!detail) return ledger::error(ledger::errc::not_found, "no account " + code + " in this group");
    return std::move(*detail);
  });
  if (!found) co_return error_response(found.error());
  boost::json::array members;
  for (const auto& m : found->members)
    members.push_back({{"member_id", m.member.value}, {"balance", m.balance.amount_text()}});
  auto body = balance_json(found->account);
  // Only member ledgers have balances per member; on other accounts the list is empty.
  body["member_balances"] = std::move(members);
  co_return json_response(http::status::ok, body);
}

}  // namespace

void add_account_routes(service& service) {
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/accounts", access::in_group(book_readers),
                     list_accounts);
  service.routes.add(http::verb::post, "/api/v1/groups/{gid}/accounts", access::in_group(book_keepers),
                     create_account);
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/accounts/{code:text}",
                     access::in_group(book_readers), get_account);
  service.routes.add(http::verb::post, "/api/v1/groups/{gid}/accounts/{code:text}/close",
                     access::in_group(book_keepers), close_account);
}

}  // namespace samaki::server
