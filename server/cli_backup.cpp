#include "server/cli.hpp"

namespace samaki::server {

int run_backup(cli_args) {
  return not_available("backup");
}

}  // namespace samaki::server
