#include "server/cli.hpp"

#include <iostream>

namespace samaki::server {

int not_available(std::string_view command) {
  std::cerr << "samaki " << command << ": not available in this build yet\n";
  return 2;
}

}  // namespace samaki::server
