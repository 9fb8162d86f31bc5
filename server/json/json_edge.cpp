#include "server/json/json_edge.hpp"

#include "server/json/strict_json.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace samaki::server {
namespace {

using ledger::errc;

std::string lowercase_trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

ledger::error bad_request(std::string message, const std::string& field) {
  return ledger::error(errc::bad_request, std::move(message), {{"field", field}});
}

// An integer JSON number as int64; doubles such as 1.0 or 1e3 are not integers here.
std::optional<std::int64_t> as_int64(const boost::json::value& v) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() &&
      v.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return static_cast<std::int64_t>(v.get_uint64());
  }
  return std::nullopt;
}

}  // namespace

bool is_json_content_type(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  if (lowercase_trimmed(content_type.substr(0, semicolon)) != "application/json") return false;
  std::string_view params = semicolon == std::string_view::npos ? "" : content_type.substr(semicolon + 1);
  while (!params.empty()) {
    const auto next = params.find(';');
    const std::string param = lowercase_trimmed(params.substr(0, next));
    if (param.starts_with("charset=") && param != "charset=utf-8" && param != "charset=\"utf-8\"")
      return false;
    params = next == std::string_view::npos ? "" : params.substr(next + 1);
  }
  return true;
}

api_result<boost::json::object> parse_json_body(const http_request& request) {
  if (!is_json_content_type(to_std(request[http::field::content_type]))) {
    return api_error::unsupported_media_type("the body must be JSON (Content-Type: application/json)");
  }
  auto parsed = parse_strict_json(request.body());
  if (!parsed) return parsed.error();
  if (!parsed->is_object()) return ledger::error(errc::bad_request, "the body must be a JSON object");
  return std::move(parsed->as_object());
}

json_fields::json_fields(const boost::json::object& object, std::string path)
    : object_(&object), path_(std::move(path)) {}

std::string json_fields::field_path(std::string_view name) const {
  return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

const boost::json::value* json_fields::find(std::string_view name) const {
  const boost::json::value* v = object_->if_contains(name);
  return (v == nullptr || v->is_null()) ? nullptr : v;
}

ledger::error json_fields::wrong_type(std::string_view name, std::string_view expected) const {
  const std::string field = field_path(name);
  return bad_request("\"" + field + "\" must be " + std::string(expected), field);
}

ledger::result<std::optional<std::string>> json_fields::optional_string(std::string_view name) const {
  const auto* v = find(name);
  if (v == nullptr) return std::optional<std::string>();
  if (!v->is_string()) return wrong_type(name, "a string");
  return std::optional<std::string>(std::string(v->get_string()));
}

ledger::result<std::string> json_fields::required_string(std::string_view name) const {
  auto value = optional_string(name);
  if (!value) return value.error();
  if (!*value) return wrong_type(name, "a string");
  return std::move(**value);
}

ledger::result<std::optional<std::int64_t>> json_fields::optional_int(std::string_view name) const {
  const auto* v = find(name);
  if (v == nullptr) return std::optional<std::int64_t>();
  const auto i = as_int64(*v);
  if (!i) return wrong_type(name, "an integer");
  return std::optional<std::int64_t>(*i);
}

ledger::result<std::int64_t> json_fields::required_int(std::string_view name) const {
  auto value = optional_int(name);
  if (!value) return value.error();
  if (!*value) return wrong_type(name, "an integer");
  return **value;
}

ledger::result<std::optional<std::int64_t>> json_fields::optional_id(std::string_view name) const {
  const auto* v = find(name);
  if (v == nullptr) return std::optional<std::int64_t>();
  const auto i = as_int64(*v);
  if (!i || *i <= 0) return wrong_type(name, "a positive integer id");
  return std::optional<std::int64_t>(*i);
}

ledger::result<std::int64_t> json_fields::required_id(std::string_view name) const {
  auto value = optional_id(name);
  if (!value) return value.error();
  if (!*value) return wrong_type(name, "a positive integer id");
  return **value;
}

ledger::result<std::optional<bool>> json_fields::optional_bool(std::string_view name) const {
  const auto* v = find(name);
  if (v == nullptr) return std::optional<bool>();
  if (!v->is_bool()) return wrong_type(name, "true or false");
  return std::optional<bool>(v->get_bool());
}

ledger::result<std::vector<std::int64_t>> json_fields::optional_id_array(std::string_view name) const {
  const auto* v = find(name);
  if (v == nullptr) return std::vector<std::int64_t>();
  if (!v->is_array()) return wrong_type(name, "an array of ids");
  std::vector<std::int64_t> ids;
  for (const auto& element : v->get_array()) {
    const auto id = as_int64(element);
    if (!id || *id <= 0) return wrong_type(name, "an array of ids");
    ids.push_back(*id);
  }
  return ids;
}

ledger::result<std::vector<json_fields>> json_fields::object_array(std::string_view name,
                                                                   bool required) const {
  const auto* v = find(name);
  if (v == nullptr) {
    if (required) return wrong_type(name, "an array of objects");
    return std::vector<json_fields>();
  }
  if (!v->is_array()) return wrong_type(name, "an array of objects");
  std::vector<json_fields> elements;
  const auto& array = v->get_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string element_path = field_path(name) + "[" + std::to_string(i) + "]";
    if (!array[i].is_object()) return bad_request("\"" + element_path + "\" must be an object", element_path);
    elements.emplace_back(array[i].get_object(), element_path);
  }
  return elements;
}

ledger::result<std::vector<json_fields>> json_fields::required_object_array(std::string_view name) const {
  return object_array(name, true);
}

ledger::result<std::vector<json_fields>> json_fields::optional_object_array(std::string_view name) const {
  return object_array(name, false);
}

ledger::result<std::optional<json_fields>> json_fields::optional_object(std::string_view name) const {
  const auto* v = find(name);
  if (v == nullptr) return std::optional<json_fields>();
  if (!v->is_object()) return wrong_type(name, "an object");
  return std::optional<json_fields>(json_fields(v->get_object(), field_path(name)));
}

ledger::result<void> json_fields::only(std::initializer_list<std::string_view> allowed) const {
  for (const auto& [key, value] : *object_) {
    if (std::ranges::find(allowed, std::string_view(key)) == allowed.end()) {
      const std::string field = field_path(key);
      return bad_request("\"" + field + "\" is not a known field", field);
    }
  }
  return {};
}

}  // namespace samaki::server
