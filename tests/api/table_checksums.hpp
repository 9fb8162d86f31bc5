#pragma once
// One "table rows=N sha256=..." line per table of a database file, read-only (the server may be running):
// two equal lists mean not one row of any table changed. For a test_server: ledger_test_support.hpp.
#include <filesystem>
#include <string>
#include <vector>

namespace samaki::api_test {

std::vector<std::string> table_checksums(const std::filesystem::path& db);

}  // namespace samaki::api_test
