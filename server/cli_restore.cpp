#include "server/cli.hpp"

namespace samaki::server {

int run_restore(cli_args) {
  return not_available("restore");
}

}  // namespace samaki::server
