#pragma once
// The web UI: files under web_root served at every GET path outside /api.
#include "server/http/http_types.hpp"
#include "server/http/static_file_cache.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace samaki::server {

struct service;
struct request_context;

// The file a URL path names under `root`, or nothing. `segments` are the decoded path segments;
// an empty last segment (a path ending in '/', or "/" itself) means that directory's index.html.
// Refused: "..", ".", empty inner segments, dotfiles, '\\', NUL, and anything resolving outside root.
std::optional<std::filesystem::path> resolve_static_path(const std::filesystem::path& root,
                                                         std::span<const std::string> segments);

// The Content-Type for a file name, by extension; application/octet-stream when unknown.
std::string_view content_type_for(const std::filesystem::path& file);

// The route handler: the file with ETag and Cache-Control: no-cache (so a new UI is seen at once),
// 304 when If-None-Match names it, 404 when there is no such file. Text files go gzip-compressed to a
// client whose Accept-Encoding takes gzip (Content-Encoding: gzip, an ETag of their own, and
// Vary: Accept-Encoding on both copies); `files` keeps each file and its compressed copy in memory.
awaitable<http_response> serve_static_file(request_context& ctx, static_file_cache& files);

// Makes serve_static_file, with a file cache of its own, the router's fallback.
void add_static_files(service& service);

}  // namespace samaki::server
