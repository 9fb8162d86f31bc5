#pragma once
// Lists as api.md shapes them: {"items": [...], "next_cursor": "..."|null}, with ?limit= (default 100,
// max 1000) and an opaque ?cursor= naming the key the previous page ended with.
#include "ledger/error.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::server {

struct request_context;

inline constexpr std::size_t default_page_limit = 100;
inline constexpr std::size_t max_page_limit = 1000;

struct page_query {
  std::size_t limit = default_page_limit;
  std::optional<std::string> after;  // the key the previous page ended with

  // `after` as an id, 0 when there is none; bad_request when the cursor holds no id.
  ledger::result<std::int64_t> after_id() const;
};

// A ?name= count of items from 1 to max_page_limit if given; bad_request otherwise.
ledger::result<std::optional<std::size_t>> query_page_size(const request_context& ctx, std::string_view name);

// ?limit= and ?cursor= of the request; bad_request when either is malformed.
ledger::result<page_query> read_page(const request_context& ctx);

std::string make_cursor(std::string_view key);

boost::json::object list_body(boost::json::array items, const std::optional<std::string>& next_cursor);

// The list body of `items` read with limit + 1, so one more than the page shows says another page follows.
template <class T, class KeyOf, class ToJson>
boost::json::object page_body(std::vector<T> items, std::size_t limit, KeyOf key_of, ToJson to_json) {
  std::optional<std::string> next;
  if (items.size() > limit) {
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(limit), items.end());
    next = make_cursor(key_of(items.back()));
  }
  boost::json::array out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(to_json(item));
  return list_body(std::move(out), next);
}

inline std::string cursor_key(std::int64_t id) {
  return std::to_string(id);
}
inline std::string cursor_key(const std::string& text) {
  return text;
}

// For lists read whole (groups, accounts, periods), ordered by key: drops the items up to `after`, then
// pages.
template <class T, class Key, class KeyOf, class ToJson>
boost::json::object page_after(std::vector<T> items, std::size_t limit, const std::optional<Key>& after,
                               KeyOf key_of, ToJson to_json) {
  if (after) std::erase_if(items, [&](const T& item) { return !(key_of(item) > *after); });
  return page_body(
      std::move(items), limit, [&](const T& item) { return cursor_key(key_of(item)); }, to_json);
}

}  // namespace samaki::server
