#pragma once
// Log set-up for the process: one line per event on standard output, at the configured level.
#include <string_view>

namespace samaki::server {

// `level` is one of trace, debug, info, warn, error, critical, off (config validates it).
void configure_logging(std::string_view level);

// Logs at info level even when the configured level is higher: for the line naming the URL,
// which scripts and tests wait for whatever the level. Call before other threads log.
void announce(std::string_view message);

}  // namespace samaki::server
