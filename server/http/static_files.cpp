#include "server/http/static_files.hpp"

#include "server/http/gzip.hpp"
#include "server/http/request_context.hpp"
#include "server/http/responses.hpp"
#include "server/service.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace samaki::server {
namespace {

namespace fs = std::filesystem;

bool is_safe_segment(std::string_view s) {
  if (s.empty() || s.front() == '.') return false;  // also refuses "." and ".."
  return std::ranges::none_of(s, [](char c) { return c == '/' || c == '\\' || c == '\0'; });
}

// Is `path` (already canonical) `root` or inside it?
bool is_within(const fs::path& root, const fs::path& path) {
  const auto [root_end, unused] = std::ranges::mismatch(root, path);
  return root_end == root.end();
}

// Whether If-None-Match is "*" or lists `etag` (weak comparison: W/ aside, the quoted tags are equal).
bool none_match_names(std::string_view if_none_match, std::string_view etag) {
  const auto opaque = [](std::string_view tag) { return tag.starts_with("W/") ? tag.substr(2) : tag; };
  while (!if_none_match.empty()) {
    const auto comma = if_none_match.find(',');
    std::string_view tag = if_none_match.substr(0, comma);
    if_none_match = comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag == "*" || opaque(tag) == opaque(etag)) return true;
  }
  return false;
}

}  // namespace

std::optional<fs::path> resolve_static_path(const fs::path& root, std::span<const std::string> segments) {
  fs::path relative;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const bool last = i + 1 == segments.size();
    if (last && segments[i].empty()) break;
    if (!is_safe_segment(segments[i])) return std::nullopt;
    relative /= segments[i];
  }
  if (segments.empty() || segments.back().empty()) relative /= "index.html";

  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  // Symlinks are followed, and must still land inside the root.
  const fs::path file = fs::canonical(canonical_root / relative, ec);
  if (ec || !is_within(canonical_root, file) || !fs::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

std::string_view content_type_for(const fs::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> types = {{
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
  }};
  const std::string extension = file.extension().string();
  for (const auto& [ext, type] : types) {
    if (ext == extension) return type;
  }
  return "application/octet-stream";
}

awaitable<http_response> serve_static_file(request_context& ctx, static_file_cache& files) {
  const std::vector<std::string> segments(ctx.target.segments().begin(), ctx.target.segments().end());
  const auto path = resolve_static_path(ctx.service.config.web_root, segments);
  const auto file = path ? files.get(*path) : nullptr;
  if (!file) co_return error_response(http::status::not_found, "not_found", "no such file");

  const bool gzip = file->gzip && accepts_gzip(ctx.header(http::field::accept_encoding));
  const std::string& etag = gzip ? file->gzip_etag : file->etag;
  http_response response{http::status::ok, 11};
  response.set(http::field::etag, etag);
  response.set(http::field::cache_control, "no-cache");
  // Caches between us and the phone must keep the two copies apart.
  if (file->gzip) response.set(http::field::vary, "Accept-Encoding");
  if (none_match_names(ctx.header(http::field::if_none_match), etag)) {
    response.result(http::status::not_modified);
    co_return response;
  }
  response.set(http::field::content_type, file->content_type);
  if (gzip) response.set(http::field::content_encoding, "gzip");
  response.body() = gzip ? *file->gzip : file->plain;
  co_return response;
}

void add_static_files(service& service) {
  auto files = std::make_shared<static_file_cache>();
  service.routes.set_fallback(access::anyone(),
                              [files](request_context& ctx) { return serve_static_file(ctx, *files); });
}

}  // namespace samaki::server
