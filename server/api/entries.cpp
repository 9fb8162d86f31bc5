// The journal: POST|GET /api/v1/groups/{gid}/entries, GET .../entries/{id}, POST .../entries/{id}/reverse.
#include "ledger/journal/posting.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/rows.hpp"
#include "server/api/common.hpp"
#include "server/api/ledger_routes.hpp"
#include "server/api/paging.hpp"
#include "server/http/responses.hpp"
#include "server/json/json_edge.hpp"
#include "server/json/ledger_json.hpp"

namespace samaki::server {
namespace {

using ledger::posted;

// A first posting is audited; a replay under the same Idempotency-Key changed nothing and is not.
std::optional<audit_note> note_of(const posted& p) {
  if (p.replayed) return std::nullopt;
  std::string detail = p.entry.reverses ? "reverses entry " + std::to_string(p.entry.reverses->value) : "";
  return audit_note{"entry " + std::to_string(p.entry.id.value), std::move(detail), std::nullopt};
}

// 201 for a new entry (counted in /metrics), 200 for the same request replayed.
http_response posted_response(request_context& ctx, const ledger::result<posted>& p) {
  if (!p) return error_response(p.error());
  if (!p->replayed) ctx.service.metrics.postings_committed.add();
  return json_response(p->replayed ? http::status::ok : http::status::created, entry_json(p->entry));
}

awaitable<http_response> post_entry(request_context& ctx) {
  auto key = idempotency_key(ctx);
  if (!key) co_return error_response(key.error());
  auto body = parse_json_body(ctx.request);
  if (!body) co_return error_response(body.error());
  auto posting = parse_posting(json_fields(*body), path_group(ctx));
  if (!posting) co_return error_response(posting.error());
  posting->idempotency_key = std::move(*key);
  posting->author = author(ctx);
  // What needs no storage is refused here, before the request takes a place in the writer's queue.
  if (auto shape = ledger::check_posting_shape(*posting); !shape) co_return error_response(shape.error());
  auto writing = write_audited<posted>(
      ctx, "entry.post", path_group(ctx),
      [p = std::move(*posting)](ledger::write_context& w) { return ledger::post_entry(w, p); }, note_of);
  auto result = co_await std::move(writing);
  co_return posted_response(ctx, result);
}

awaitable<http_response> reverse_entry(request_context& ctx) {
  auto key = idempotency_key(ctx);
  if (!key) co_return error_response(key.error());
  auto body = body_or_empty(ctx);
  if (!body) co_return error_response(body.error());
  auto reversal = parse_reversal(json_fields(*body), path_group(ctx), ctx.params.id<ledger::entry_id>("id"));
  if (!reversal) co_return error_response(reversal.error());
  reversal->idempotency_key = std::move(*key);
  reversal->author = author(ctx);
  auto writing = write_audited<posted>(
      ctx, "entry.reverse", path_group(ctx),
      [r = std::move(*reversal)](ledger::write_context& w) { return ledger::reverse_entry(w, r); }, note_of);
  auto result = co_await std::move(writing);
  co_return posted_response(ctx, result);
}

ledger::result<ledger::entry_filter> read_filter(const request_context& ctx, const page_query& page) {
  ledger::entry_filter filter;
  filter.group = path_group(ctx);
  auto from = query_date(ctx, "from");
  if (!from) return from.error();
  auto to = query_date(ctx, "to");
  if (!to) return to.error();
  auto member = query_id(ctx, "member_id");
  if (!member) return member.error();
  auto after = page.after_id();
  if (!after) return after.error();
  filter.from = std::move(*from);
  filter.to = std::move(*to);
  filter.account = ctx.query("account");
  if (*member) filter.member = ledger::member_id{**member};
  filter.after_seq = *after;
  filter.limit = page.limit + 1;
  // ?latest=N: the newest N that match, still newest last (a "recent entries" screen). A page of its own.
  auto latest = query_page_size(ctx, "latest");
  if (!latest) return latest.error();
  if (*latest) {
    if (page.after || ctx.query("limit"))
      return ledger::error(ledger::errc::bad_request, "latest cannot be combined with limit or cursor",
                           {{"field", "latest"}});
    filter.latest = true;
    filter.limit = **latest;
  }
  return filter;
}

awaitable<http_response> list_entries(request_context& ctx) {
  auto page = read_page(ctx);
  if (!page) co_return error_response(page.error());
  auto filter = read_filter(ctx, *page);
  if (!filter) co_return error_response(filter.error());
  auto entries =
      co_await on_reader(ctx.service, [&](reader& r) -> ledger::result<std::vector<ledger::entry>> {
        if (auto group = existing_group(r.db(), filter->group); !group) return group.error();
        return ledger::list_entries(r.db(), *filter);
      });
  if (!entries) co_return error_response(entries.error());
  // Oldest first, as a journal reads; the cursor is the last seq shown. `latest` has no next page.
  const auto shown = filter->latest ? filter->limit : page->limit;
  co_return json_response(http::status::ok,
                          page_body(
                              std::move(*entries), shown,
                              [](const ledger::entry& e) { return std::to_string(e.seq); }, entry_json));
}

awaitable<http_response> get_entry(request_context& ctx) {
  auto entry = co_await on_reader(ctx.service, [&](reader& r) {
    return ledger::load_entry(r.db(), ctx.params.id<ledger::entry_id>("id"));
  });
  if (!entry || entry->group != path_group(ctx))
    co_return error_response(ledger::error(ledger::errc::not_found, "no such entry"));
  co_return json_response(http::status::ok, entry_json(*entry));
}

}  // namespace

void add_entry_routes(service& service) {
  service.routes.add(http::verb::post, "/api/v1/groups/{gid}/entries", access::in_group(book_keepers),
                     post_entry);
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/entries", access::in_group(book_readers),
                     list_entries);
  service.routes.add(http::verb::get, "/api/v1/groups/{gid}/entries/{id}", access::in_group(book_readers),
                     get_entry);
  service.routes.add(http::verb::post, "/api/v1/groups/{gid}/entries/{id}/reverse",
                     access::in_group(book_keepers), reverse_entry);
}

}  // namespace samaki::server
