#pragma once
// Comparing an answer with the figures a test expects: every key an expected object names must hold the
// same in the answer (keys it does not name are not checked), every list must match whole, item by item, and
// strings, numbers, booleans and null must be equal exactly ("5000.00" is not "5000", 7 is not "7").
#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace samaki::api_test {

// Where `actual` differs from `expected`, one line each: "loans[2].outstanding: expected ..., got ...".
std::vector<std::string> json_mismatches(const boost::json::value& expected, const boost::json::value& actual,
                                         const std::string& path = "");

}  // namespace samaki::api_test
