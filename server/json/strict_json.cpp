#include "server/json/strict_json.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>

#include <string>
#include <unordered_set>
#include <vector>

namespace samaki::server {
namespace {

namespace json = boost::json;
using boost::system::error_code;

// A basic_parser handler that builds the value like json::parser does, and remembers the keys seen
// in every open object so a repeated key stops the parse (Boost.JSON would keep the last one).
class duplicate_refusing_handler {
 public:
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  json::value_stack stack;
  bool found_duplicate = false;
  std::string duplicate_key;

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }

  bool on_object_begin(error_code&) {
    if (keys_by_depth_.size() <= depth_) keys_by_depth_.emplace_back();
    keys_by_depth_[depth_++].clear();
    return true;
  }
  bool on_object_end(std::size_t n, error_code&) {
    --depth_;
    stack.push_object(n);
    return true;
  }
  bool on_array_begin(error_code&) { return true; }
  bool on_array_end(std::size_t n, error_code&) {
    stack.push_array(n);
    return true;
  }

  bool on_key_part(json::string_view s, std::size_t, error_code&) {
    key_ += s;
    stack.push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, std::size_t, error_code& ec) {
    key_ += s;
    if (!keys_by_depth_[depth_ - 1].insert(key_).second) {
      found_duplicate = true;
      duplicate_key = std::move(key_);
      ec = make_error_code(boost::system::errc::invalid_argument);
      return false;
    }
    key_.clear();
    stack.push_key(s);
    return true;
  }

  bool on_string_part(json::string_view s, std::size_t, error_code&) {
    stack.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, error_code&) {
    stack.push_string(s);
    return true;
  }
  bool on_number_part(json::string_view, error_code&) { return true; }
  bool on_int64(std::int64_t i, json::string_view, error_code&) {
    stack.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, json::string_view, error_code&) {
    stack.push_uint64(u);
    return true;
  }
  bool on_double(double d, json::string_view, error_code&) {
    stack.push_double(d);
    return true;
  }
  bool on_bool(bool b, error_code&) {
    stack.push_bool(b);
    return true;
  }
  bool on_null(error_code&) {
    stack.push_null();
    return true;
  }
  bool on_comment_part(json::string_view, error_code&) { return true; }
  bool on_comment(json::string_view, error_code&) { return true; }

 private:
  std::vector<std::unordered_set<std::string>> keys_by_depth_;
  std::size_t depth_ = 0;
  std::string key_;
};

}  // namespace

api_result<json::value> parse_strict_json(std::string_view text) {
  json::basic_parser<duplicate_refusing_handler> parser(json::parse_options{});
  parser.handler().stack.reset();
  error_code ec;
  const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (parser.handler().found_duplicate) {
    const std::string& key = parser.handler().duplicate_key;
    return api_error::invalid_json("duplicate key \"" + key + "\"", {{"key", key}});
  }
  if (ec) {
    return api_error::invalid_json("not valid JSON: " + ec.message() + " at byte " + std::to_string(used));
  }
  if (used != text.size()) {
    return api_error::invalid_json("not valid JSON: extra data at byte " + std::to_string(used));
  }
  return parser.handler().stack.release();
}

}  // namespace samaki::server
