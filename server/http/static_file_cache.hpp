#pragma once
// The web UI's files kept in memory, each with its gzip copy made once: a file is read and compressed
// again only when its size or modification time changes (a new UI deployed under a running server).
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace samaki::server {

struct static_file {
  std::string_view content_type;
  std::string etag;                 // the plain file's weak validator, W/"<size>-<mtime>"
  std::string gzip_etag;            // the gzip copy's own validator (a different representation)
  std::string plain;                // the file as on disk
  std::optional<std::string> gzip;  // for text types, when compressing makes it smaller
};

class static_file_cache {
 public:
  // Files above `max_file_bytes` are read for each request and sent as they are, never kept.
  explicit static_file_cache(std::size_t max_file_bytes = 4 * 1024 * 1024)
      : max_file_bytes_(max_file_bytes) {}

  // The file (a canonical path from resolve_static_path) as it is on disk now; null if it cannot be read.
  std::shared_ptr<const static_file> get(const std::filesystem::path& file);

 private:
  struct kept {
    std::uintmax_t size;
    std::filesystem::file_time_type modified;
    std::shared_ptr<const static_file> content;
  };
  std::size_t max_file_bytes_;
  std::mutex mutex_;
  std::unordered_map<std::string, kept> files_;
};

// Whether a file of this Content-Type is worth compressing (text, JSON, SVG; not images or fonts).
bool is_compressible(std::string_view content_type);

}  // namespace samaki::server
