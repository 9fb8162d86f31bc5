#include "ledger/demo.hpp"
#include "server/api/api_routes.hpp"
#include "server/api/system_routes.hpp"
#include "server/auth/auth_service.hpp"
#include "server/cli/progress.hpp"
#include "server/cli/settings.hpp"
#include "server/config.hpp"
#include "server/http/http_server.hpp"
#include "server/http/logging.hpp"
#include "server/http/static_files.hpp"
#include "server/ledger_runtime.hpp"
#include "server/service.hpp"

#include <spdlog/spdlog.h>

#include <iostream>
#include <optional>
#include <vector>

namespace samaki::server {

namespace {

// The demo's fixed logins go to the terminal, not the log: no password is ever logged.
void print_demo_logins(const ledger::demo_result& demo) {
  if (!demo.loaded) {
    spdlog::info("--demo: the database already has groups; no demonstration data added");
    return;
  }
  std::cout << "demonstration logins (username / password):\n";
  for (const auto& login : demo.logins)
    std::cout << "  " << login.username << " / " << login.password << "  (" << login.role << ": "
              << login.note << ")\n";
  std::cout.flush();
}

}  // namespace

int run_serve(cli_args args) {
  auto [cl, config] = parse_cli(args, {}, {"demo"});
  if (!cl.positionals().empty()) throw usage_error("serve takes no arguments, only flags");
  configure_logging(config.log_level);
  ledger::store store(store_options_from(config));
  std::optional<ledger::demo_result> demo;
  if (cl.has("demo")) demo = load_demo_showing_progress(store);

  service service(config, read_sessions_on(config.db_path));
  attach_store(service, store);
  service.auth = std::make_shared<auth_service>(config);
  add_system_routes(service);
  add_api_routes(service);
  add_static_files(service);

  http_server server(service);
  // The first log line names the URL: scripts and tests read the port from it.
  announce("listening on " + server.listen());
  if (demo) print_demo_logins(*demo);
  server.run();
  service.run_shutdown_hooks();
  spdlog::info("shut down cleanly");
  return 0;
}

}  // namespace samaki::server
