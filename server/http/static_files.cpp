#include "server/http/static_files.hpp"

#include "server/http/request_context.hpp"
#include "server/http/responses.hpp"
#include "server/service.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
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

std::string etag_for(const fs::path& file, std::uintmax_t size) {
  const auto modified = fs::last_write_time(file).time_since_epoch().count();
  return "W/\"" + std::to_string(size) + "-" + std::to_string(modified) + "\"";
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

awaitable<http_response> serve_static_file(request_context& ctx) {
  const std::vector<std::string> segments(ctx.target.segments().begin(), ctx.target.segments().end());
  const auto file = resolve_static_path(ctx.service.config.web_root, segments);
  if (!file) co_return error_response(http::status::not_found, "not_found", "no such file");

  std::error_code ec;
  const auto size = fs::file_size(*file, ec);
  if (ec) co_return error_response(http::status::not_found, "not_found", "no such file");
  const std::string etag = etag_for(*file, size);

  http_response response{http::status::ok, 11};
  response.set(http::field::etag, etag);
  response.set(http::field::cache_control, "no-cache");
  if (ctx.header(http::field::if_none_match) == etag) {
    response.result(http::status::not_modified);
    co_return response;
  }
  std::ifstream in(*file, std::ios::binary);
  if (!in) co_return error_response(http::status::not_found, "not_found", "no such file");
  std::ostringstream content;
  content << in.rdbuf();
  response.set(http::field::content_type, content_type_for(*file));
  response.body() = std::move(content).str();
  co_return response;
}

void add_static_files(service& service) {
  service.routes.set_fallback(access::anyone(), serve_static_file);
}

}  // namespace samaki::server
