#pragma once
// Decodes gzip bytes with the system's own `gzip -dc` (an implementation independent of ours, which
// checks the CRC-32 and the length too): the decoded bytes, or nothing when gzip refuses them.
#include <sys/wait.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace samaki::test_helpers {

inline std::optional<std::string> system_gunzip(std::string_view packed) {
  namespace fs = std::filesystem;
  const fs::path file =
      fs::temp_directory_path() / ("samaki_gunzip_" + std::to_string(std::random_device{}()) + ".gz");
  std::ofstream(file, std::ios::binary).write(packed.data(), static_cast<std::streamsize>(packed.size()));
  const std::string command = "gzip -dc '" + file.string() + "' 2>/dev/null";
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe) {
    char buffer[8192];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  }
  const int status = pipe ? ::pclose(pipe) : -1;
  fs::remove(file);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

}  // namespace samaki::test_helpers
