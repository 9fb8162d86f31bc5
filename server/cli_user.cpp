#include "server/cli.hpp"

namespace samaki::server {

int run_user(cli_args) {
  return not_available("user");
}

}  // namespace samaki::server
