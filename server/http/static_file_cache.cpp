#include "server/http/static_file_cache.hpp"

#include "server/http/gzip.hpp"
#include "server/http/static_files.hpp"

#include <fstream>
#include <sstream>

namespace samaki::server {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_whole(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(content).str();
}

std::shared_ptr<const static_file> load(const fs::path& file, std::uintmax_t size,
                                        fs::file_time_type modified, bool compress) {
  auto plain = read_whole(file);
  if (!plain) return nullptr;
  auto out = std::make_shared<static_file>();
  out->content_type = content_type_for(file);
  const std::string tag = std::to_string(size) + "-" + std::to_string(modified.time_since_epoch().count());
  out->etag = "W/\"" + tag + "\"";
  out->gzip_etag = "W/\"" + tag + "-gzip\"";
  if (compress && is_compressible(out->content_type)) {
    std::string packed = gzip_compress(*plain);
    if (packed.size() < plain->size()) out->gzip = std::move(packed);
  }
  out->plain = std::move(*plain);
  return out;
}

}  // namespace

bool is_compressible(std::string_view content_type) {
  return content_type.starts_with("text/") || content_type.starts_with("application/json") ||
         content_type.starts_with("application/manifest+json") || content_type.starts_with("image/svg+xml");
}

std::shared_ptr<const static_file> static_file_cache::get(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return nullptr;
  const auto modified = fs::last_write_time(file, ec);
  if (ec) return nullptr;
  if (size > max_file_bytes_) return load(file, size, modified, false);
  const std::string key = file.string();
  {
    std::lock_guard lock(mutex_);
    const auto found = files_.find(key);
    if (found != files_.end() && found->second.size == size && found->second.modified == modified)
      return found->second.content;
  }
  // Read and compressed outside the lock; two requests racing for a changed file both do it, once each.
  auto content = load(file, size, modified, true);
  if (!content || content->plain.size() != size) return content;  // changing under us: not kept
  std::lock_guard lock(mutex_);
  files_[key] = kept{size, modified, content};
  return content;
}

}  // namespace samaki::server
