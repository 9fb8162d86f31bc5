#pragma once
// Every route the service registers, as {"METHOD", "pattern"} (e.g. {"GET", "/api/v1/groups/{gid}"}), read
// from the route table itself: tests that must cover every endpoint fail when one is added without them.
#include <string>
#include <utility>
#include <vector>

namespace samaki::api_test {

std::vector<std::pair<std::string, std::string>> route_table();

}  // namespace samaki::api_test
