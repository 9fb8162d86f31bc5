#include "tests/api/json_match.hpp"

#include <boost/json/serialize.hpp>

namespace samaki::api_test {
namespace {

std::string shown(const boost::json::value& v) {
  auto text = boost::json::serialize(v);
  return text.size() > 200 ? text.substr(0, 200) + "..." : text;
}

bool same_number(const boost::json::value& a, const boost::json::value& b) {
  if (!a.is_number() || !b.is_number() || a.is_double() || b.is_double()) return false;
  boost::system::error_code ea, eb;
  const auto x = a.to_number<std::int64_t>(ea);
  const auto y = b.to_number<std::int64_t>(eb);
  return !ea && !eb && x == y;
}

}  // namespace

std::vector<std::string> json_mismatches(const boost::json::value& expected, const boost::json::value& actual,
                                         const std::string& path) {
  const auto here = path.empty() ? std::string("(answer)") : path;
  if (expected.is_object()) {
    if (!actual.is_object()) return {here + ": expected an object, got " + shown(actual)};
    std::vector<std::string> out;
    for (const auto& [key, value] : expected.as_object()) {
      const auto* found = actual.as_object().if_contains(key);
      const auto where = (path.empty() ? "" : path + ".") + std::string(key);
      if (found == nullptr) {
        out.push_back(where + ": missing");
        continue;
      }
      auto more = json_mismatches(value, *found, where);
      out.insert(out.end(), more.begin(), more.end());
    }
    return out;
  }
  if (expected.is_array()) {
    if (!actual.is_array()) return {here + ": expected a list, got " + shown(actual)};
    const auto& e = expected.as_array();
    const auto& a = actual.as_array();
    std::vector<std::string> out;
    if (e.size() != a.size())
      out.push_back(here + ": expected " + std::to_string(e.size()) + " items, got " + std::to_string(a.size()));
    for (std::size_t i = 0; i < e.size() && i < a.size(); ++i) {
      auto more = json_mismatches(e[i], a[i], path + "[" + std::to_string(i) + "]");
      out.insert(out.end(), more.begin(), more.end());
    }
    return out;
  }
  if (expected.is_number() && same_number(expected, actual)) return {};
  if (expected == actual) return {};
  return {here + ": expected " + shown(expected) + ", got " + shown(actual)};
}

}  // namespace samaki::api_test
