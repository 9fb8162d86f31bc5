#include "server/cli.hpp"

namespace samaki::server {

int run_export(cli_args) {
  return not_available("export");
}

}  // namespace samaki::server
