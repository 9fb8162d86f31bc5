#include "server/json/operation_json.hpp"

#include "ledger/operations/vocabulary.hpp"
#include "server/json/ledger_json.hpp"
#include "server/json/strict_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

namespace samaki::server {
namespace {

using ledger::errc;
using ledger::field_spec;
using ledger::field_type;
using ledger::field_value;

constexpr std::size_t max_list_length = 500;
constexpr std::size_t max_text_bytes = 1000;

ledger::error bad(const std::string& path, const std::string& message) {
  return ledger::error(errc::bad_request, "\"" + path + "\" " + message, {{"field", path}});
}

std::string child_path(const std::string& path, std::string_view name) {
  return path.empty() ? std::string(name) : path + "." + std::string(name);
}

ledger::result<ledger::field_map> read_object(const boost::json::object& object,
                                              const std::vector<field_spec>& specs, const std::string& path,
                                              std::initializer_list<std::string_view> also_allowed = {});

ledger::result<field_value> read_value(const boost::json::value& v, const field_spec& spec,
                                       const std::string& path) {
  switch (spec.type) {
    case field_type::text:
    case field_type::amount:
    case field_type::date:
    case field_type::choice: {
      // Money is a decimal string, never a JSON number (api.md).
      if (!v.is_string())
        return bad(path, spec.type == field_type::amount ? "must be an amount as a string, e.g. \"5000\""
                                                         : "must be a string");
      std::string text(v.as_string());
      if (text.size() > max_text_bytes) return bad(path, "is too long");
      if (spec.type == field_type::choice &&
          std::find(spec.choices.begin(), spec.choices.end(), text) == spec.choices.end()) {
        std::string allowed;
        for (auto c : spec.choices) allowed += (allowed.empty() ? "" : ", ") + std::string(c);
        return bad(path, "must be one of " + allowed);
      }
      return field_value{std::move(text)};
    }
    case field_type::integer:
    case field_type::id: {
      std::int64_t n = 0;
      if (v.is_int64())
        n = v.as_int64();
      else if (v.is_uint64() && v.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        n = static_cast<std::int64_t>(v.as_uint64());
      else
        return bad(path,
                   spec.type == field_type::id ? "must be a positive integer id" : "must be an integer");
      if (spec.type == field_type::id && n <= 0) return bad(path, "must be a positive integer id");
      return field_value{n};
    }
    case field_type::boolean:
      if (!v.is_bool()) return bad(path, "must be true or false");
      return field_value{v.as_bool()};
    case field_type::object: {
      if (!v.is_object()) return bad(path, "must be an object");
      auto inner = read_object(v.as_object(), spec.fields, path);
      if (!inner) return inner.error();
      return field_value{std::move(*inner)};
    }
    case field_type::list: {
      if (!v.is_array()) return bad(path, "must be an array");
      const auto& array = v.as_array();
      if (array.size() > max_list_length)
        return bad(path, "holds more than " + std::to_string(max_list_length) + " items");
      ledger::field_list out;
      out.reserve(array.size());
      for (std::size_t i = 0; i < array.size(); ++i) {
        auto element = read_value(array[i], spec.fields.at(0), path + "[" + std::to_string(i) + "]");
        if (!element) return element.error();
        out.push_back(std::move(*element));
      }
      return field_value{std::move(out)};
    }
  }
  return bad(path, "has an unknown type");
}

ledger::result<ledger::field_map> read_object(const boost::json::object& object,
                                              const std::vector<field_spec>& specs, const std::string& path,
                                              std::initializer_list<std::string_view> also_allowed) {
  for (const auto& member : object) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    const std::string_view key = member.key();
    auto known = std::find_if(specs.begin(), specs.end(), [&](const field_spec& s) { return s.name == key; });
    bool allowed =
        std::find(also_allowed.begin(), also_allowed.end(), std::string_view(key)) != also_allowed.end();
    if (known == specs.end() && !allowed) return bad(child_path(path, key), "is not a field of this request");
  }
  ledger::field_map out;
  for (const auto& spec : specs) {
    const auto* v = object.if_contains(spec.name);
    if (!v || v->is_null()) {
      if (spec.required) return bad(child_path(path, spec.name), "is required");
      continue;
    }
    auto value = read_value(*v, spec, child_path(path, spec.name));
    if (!value) return value.error();
    out.emplace(std::string(spec.name), std::move(*value));
  }
  return out;
}

ledger::result<std::string> required_text(const boost::json::object& body, std::string_view name) {
  const auto* v = body.if_contains(name);
  if (!v || v->is_null()) return bad(std::string(name), "is required");
  if (!v->is_string()) return bad(std::string(name), "must be a string");
  return std::string(v->as_string());
}

ledger::result<std::optional<std::string>> optional_text(const boost::json::object& body,
                                                         std::string_view name) {
  const auto* v = body.if_contains(name);
  if (!v || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) return bad(std::string(name), "must be a string");
  return std::optional<std::string>(std::string(v->as_string()));
}

boost::json::object spec_json(const field_spec& spec) {
  auto label = ledger::field_label(spec.name);
  boost::json::object out{{"name", spec.name},
                          {"type", ledger::field_type_name(spec.type)},
                          {"required", spec.required},
                          {"label", label.en},
                          {"label_km", label.km}};
  if (!spec.refers_to.empty()) out["refers_to"] = spec.refers_to;
  if (!spec.choices.empty()) {
    boost::json::array choices;
    for (auto c : spec.choices) choices.emplace_back(c);
    out["choices"] = std::move(choices);
  }
  if (!spec.fields.empty()) {
    boost::json::array fields;
    for (const auto& f : spec.fields) fields.push_back(spec_json(f));
    out[spec.type == field_type::list ? "items" : "fields"] = spec.type == field_type::list
                                                                  ? boost::json::value(fields.at(0))
                                                                  : boost::json::value(std::move(fields));
  }
  return out;
}

boost::json::value optional_id(const auto& id) {
  if (id) return id->value;
  return nullptr;
}

}  // namespace

ledger::result<ledger::field_map> parse_fields(const boost::json::object& body,
                                               const std::vector<ledger::field_spec>& specs,
                                               std::initializer_list<std::string_view> also_allowed) {
  return read_object(body, specs, "", also_allowed);
}

ledger::result<ledger::operation_request> parse_operation_request(const boost::json::object& body,
                                                                  ledger::group_id group,
                                                                  ledger::group_kind kind) {
  auto type = required_text(body, "type");
  if (!type) return type.error();
  const auto* spec = ledger::find_operation_type(*type, kind);
  if (!spec) return bad("type", "is not an operation type: see GET .../operation-types");
  auto date_text = required_text(body, "date");
  if (!date_text) return date_text.error();
  auto date = ledger::calendar_date::parse_field(*date_text, "date");
  if (!date) return date.error();
  auto memo = optional_text(body, "memo");
  if (!memo) return memo.error();
  auto fields = read_object(body, spec->fields, "", {"type", "date", "memo"});
  if (!fields) return fields.error();
  ledger::operation_request out;
  out.group = group;
  out.type = std::move(*type);
  out.date = *date;
  out.memo = memo->value_or("");
  out.fields = std::move(*fields);
  out.recorded = boost::json::serialize(body);
  return out;
}

ledger::result<ledger::operation_reversal> parse_operation_reversal(const boost::json::object& body,
                                                                    ledger::group_id group,
                                                                    ledger::operation_id original) {
  json_fields fields(body);
  if (auto known = fields.only({"date", "reason"}); !known) return known.error();
  auto reason = fields.required_string("reason");
  if (!reason) return reason.error();
  auto date_text = fields.optional_string("date");
  if (!date_text) return date_text.error();
  ledger::operation_reversal out;
  out.group = group;
  out.original = original;
  if (*date_text) {
    auto date = ledger::calendar_date::parse_field(**date_text, "date");
    if (!date) return date.error();
    out.date = *date;
  }
  out.reason = std::move(*reason);
  out.recorded = boost::json::serialize(body);
  return out;
}

boost::json::value field_value_json(const field_value& value) {
  return std::visit(
      [](const auto& x) -> boost::json::value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::int64_t> ||
                             std::is_same_v<T, bool>) {
          return boost::json::value(x);
        } else if constexpr (std::is_same_v<T, ledger::field_map>) {
          boost::json::object out;
          for (const auto& [name, v] : x) out[name] = field_value_json(v);
          return out;
        } else {
          boost::json::array out;
          for (const auto& v : x) out.push_back(field_value_json(v));
          return out;
        }
      },
      value.value);
}

boost::json::object operation_json(const ledger::operation_record& r, const ledger::field_map& outcome) {
  boost::json::object out;
  for (const auto& [name, value] : outcome) out[name] = field_value_json(value);
  boost::json::array entries;
  for (const auto& e : r.entries) entries.push_back(entry_json(e));
  boost::json::value request;
  if (!r.request.empty()) {
    auto parsed = parse_strict_json(r.request);
    if (parsed) request = std::move(*parsed);
  }
  out["id"] = r.id.value;
  out["group_id"] = r.group.value;
  out["type"] = r.type;
  out["date"] = r.date.to_string();
  out["memo"] = r.memo;
  out["entries"] = std::move(entries);
  out["created_by"] = r.created_by;
  out["created_at"] = r.created_at;
  out["reverses"] = optional_id(r.reverses);
  out["reversed_by"] = optional_id(r.reversed_by);
  out["reason"] = r.reason;
  out["request"] = std::move(request);
  return out;
}

boost::json::object stored_operation_json(const ledger::operation_record& r) {
  ledger::field_map none;
  auto fresh = operation_json(r, none);
  if (r.response.empty()) return fresh;
  auto first = parse_strict_json(r.response);
  if (!first || !first->is_object()) return fresh;
  auto out = std::move(first->as_object());
  for (auto& [key, value] : fresh) out[key] = std::move(value);
  return out;
}

boost::json::object operation_type_json(const ledger::operation_type& type) {
  auto label = ledger::operation_label(type.name);
  boost::json::array fields;
  for (const auto& f : type.fields) fields.push_back(spec_json(f));
  boost::json::array accounts;
  for (auto a : type.accounts) accounts.emplace_back(a);
  return {{"type", type.name},
          {"label", label.en},
          {"label_km", label.km},
          {"fields", std::move(fields)},
          {"accounts", std::move(accounts)}};
}

}  // namespace samaki::server
