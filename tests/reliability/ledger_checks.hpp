#pragma once
// What reliability tests prove about a database after a fault: every acknowledged write is there exactly
// once with all of its entries, nothing is half written, every trial balance is zero, verify passes. Each
// function lists what is wrong (empty when nothing), naming the first few cases.
#include "tests/api/http_client.hpp"
#include "tests/reliability/savings_load.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace samaki::reliability_test {

// Read from the file itself (the server may be running: it is read as one snapshot).
std::vector<std::string> missing_or_doubled(const std::filesystem::path& db,
                                            const std::vector<acknowledgement>& acknowledged);
std::vector<std::string> integrity_problems(const std::filesystem::path& db);

// Asked of the running server: each group's trial balance and GET .../verify.
std::vector<std::string> api_problems(api_test::api_client& admin, const std::vector<std::int64_t>& groups);

}  // namespace samaki::reliability_test
