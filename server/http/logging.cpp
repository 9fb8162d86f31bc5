#include "server/http/logging.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace samaki::server {

void configure_logging(std::string_view level) {
  // Plain stdout (no colour codes): logs usually go to journald or a pipe; the sink flushes each line.
  auto logger = std::make_shared<spdlog::logger>("samaki", std::make_shared<spdlog::sinks::stdout_sink_mt>());
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
  logger->set_level(spdlog::level::from_str(std::string(level)));
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(std::move(logger));
}

void announce(std::string_view message) {
  auto logger = spdlog::default_logger();
  const auto configured = logger->level();
  logger->set_level(spdlog::level::info);
  logger->info("{}", message);
  logger->set_level(configured);
}

}  // namespace samaki::server
