#include "server/api/paging.hpp"

#include "server/http/request_context.hpp"
#include "server/http/route_pattern.hpp"

namespace samaki::server {
namespace {

// Cursors are hex of a versioned key: opaque to clients, and any text survives a query string.
constexpr std::string_view cursor_prefix = "c1:";
constexpr std::string_view hex_digits = "0123456789abcdef";

ledger::error bad_cursor() {
  return ledger::error(ledger::errc::bad_request, "cursor is not one this API gave out",
                       {{"field", "cursor"}});
}

std::optional<std::string> from_hex_text(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const auto high = hex_digits.find(hex[i]);
    const auto low = hex_digits.find(hex[i + 1]);
    if (high == std::string_view::npos || low == std::string_view::npos) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
  }
  return out;
}

}  // namespace

ledger::result<std::int64_t> page_query::after_id() const {
  if (!after) return std::int64_t{0};
  const auto id = parse_id(*after);
  if (!id) return bad_cursor();
  return *id;
}

ledger::result<std::optional<std::size_t>> query_page_size(const request_context& ctx,
                                                           std::string_view name) {
  const auto value = ctx.query(name);
  if (!value) return std::optional<std::size_t>();
  const auto n = parse_id(*value);
  if (!n || *n > static_cast<std::int64_t>(max_page_limit)) {
    return ledger::error(
        ledger::errc::bad_request,
        std::string(name) + " must be a whole number from 1 to " + std::to_string(max_page_limit),
        {{"field", std::string(name)}});
  }
  return static_cast<std::size_t>(*n);
}

ledger::result<page_query> read_page(const request_context& ctx) {
  page_query page;
  auto limit = query_page_size(ctx, "limit");
  if (!limit) return limit.error();
  if (*limit) page.limit = **limit;
  if (const auto cursor = ctx.query("cursor")) {
    auto text = from_hex_text(*cursor);
    if (!text || !text->starts_with(cursor_prefix) || text->size() == cursor_prefix.size())
      return bad_cursor();
    page.after = text->substr(cursor_prefix.size());
  }
  return page;
}

std::string make_cursor(std::string_view key) {
  std::string out;
  for (unsigned char c : std::string(cursor_prefix) + std::string(key)) {
    out += hex_digits[c >> 4];
    out += hex_digits[c & 15];
  }
  return out;
}

boost::json::object list_body(boost::json::array items, const std::optional<std::string>& next_cursor) {
  boost::json::object body;
  body["items"] = std::move(items);
  if (next_cursor)
    body["next_cursor"] = *next_cursor;
  else
    body["next_cursor"] = nullptr;
  return body;
}

}  // namespace samaki::server
