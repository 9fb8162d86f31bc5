#include "ledger/operations/fields.hpp"

#include <stdexcept>

namespace samaki::ledger {
namespace {

void sized(std::string& out, std::string_view text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
}

void fingerprint_value(const field_value& v, std::string& out) {
  std::visit(
      [&out](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          out += 'n';
        } else if constexpr (std::is_same_v<T, std::string>) {
          out += 's';
          sized(out, x);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          out += 'i';
          sized(out, std::to_string(x));
        } else if constexpr (std::is_same_v<T, bool>) {
          out += x ? 't' : 'f';
        } else if constexpr (std::is_same_v<T, field_map>) {
          fingerprint_fields(x, out);
        } else {
          out += 'l';
          sized(out, std::to_string(x.size()));
          for (const auto& element : x) fingerprint_value(element, out);
        }
      },
      v.value);
}

[[noreturn]] void missing(const std::string& path) {
  throw std::logic_error("operation field " + path + " was not checked against its spec");
}

}  // namespace

std::string_view field_type_name(field_type type) {
  switch (type) {
    case field_type::text: return "text";
    case field_type::amount: return "amount";
    case field_type::integer: return "integer";
    case field_type::boolean: return "boolean";
    case field_type::date: return "date";
    case field_type::id: return "id";
    case field_type::choice: return "choice";
    case field_type::object: return "object";
    case field_type::list: return "list";
  }
  return "text";
}

void fingerprint_fields(const field_map& fields, std::string& out) {
  out += 'o';
  sized(out, std::to_string(fields.size()));
  for (const auto& [name, value] : fields) {
    sized(out, name);
    fingerprint_value(value, out);
  }
}

bool field_reader::has(std::string_view name) const {
  return find(name) != nullptr;
}

std::string field_reader::path_of(std::string_view name) const {
  return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

const field_value* field_reader::find(std::string_view name) const {
  auto it = fields_->find(name);
  if (it == fields_->end() || std::holds_alternative<std::monostate>(it->second.value)) return nullptr;
  return &it->second;
}

std::optional<std::string> field_reader::optional_text(std::string_view name) const {
  const auto* v = find(name);
  if (!v) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(&v->value)) return *s;
  missing(path_of(name));
}

std::string field_reader::text(std::string_view name) const {
  auto v = optional_text(name);
  if (!v) missing(path_of(name));
  return *v;
}

std::optional<std::int64_t> field_reader::optional_integer(std::string_view name) const {
  const auto* v = find(name);
  if (!v) return std::nullopt;
  if (const auto* n = std::get_if<std::int64_t>(&v->value)) return *n;
  missing(path_of(name));
}

std::int64_t field_reader::integer(std::string_view name) const {
  auto v = optional_integer(name);
  if (!v) missing(path_of(name));
  return *v;
}

bool field_reader::flag(std::string_view name, bool when_absent) const {
  const auto* v = find(name);
  if (!v) return when_absent;
  if (const auto* b = std::get_if<bool>(&v->value)) return *b;
  missing(path_of(name));
}

result<std::optional<money>> field_reader::optional_amount(std::string_view name,
                                                           iso_currency currency) const {
  auto text = optional_text(name);
  if (!text) return std::optional<money>();
  auto amount = money::parse(*text, currency);
  if (!amount) {
    auto details = amount.error().details;
    details.emplace_back("field", path_of(name));
    return error(errc::invalid_amount, path_of(name) + ": " + amount.error().message, std::move(details));
  }
  return std::optional<money>(*amount);
}

result<money> field_reader::amount(std::string_view name, iso_currency currency) const {
  auto value = optional_amount(name, currency);
  if (!value) return value.error();
  if (!*value) missing(path_of(name));
  return **value;
}

result<std::optional<calendar_date>> field_reader::optional_date(std::string_view name) const {
  auto text = optional_text(name);
  if (!text) return std::optional<calendar_date>();
  auto d = calendar_date::parse_field(*text, path_of(name));
  if (!d) return d.error();
  return std::optional<calendar_date>(*d);
}

result<calendar_date> field_reader::date(std::string_view name) const {
  auto value = optional_date(name);
  if (!value) return value.error();
  if (!*value) missing(path_of(name));
  return **value;
}

std::optional<field_reader> field_reader::object(std::string_view name) const {
  const auto* v = find(name);
  if (!v) return std::nullopt;
  if (const auto* m = std::get_if<field_map>(&v->value)) return field_reader(*m, path_of(name));
  missing(path_of(name));
}

std::vector<field_reader> field_reader::objects(std::string_view name) const {
  std::vector<field_reader> out;
  const auto* v = find(name);
  if (!v) return out;
  const auto* list = std::get_if<field_list>(&v->value);
  if (!list) missing(path_of(name));
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto* m = std::get_if<field_map>(&(*list)[i].value);
    if (!m) missing(path_of(name));
    out.emplace_back(*m, path_of(name) + "[" + std::to_string(i) + "]");
  }
  return out;
}

std::vector<std::string> field_reader::texts(std::string_view name) const {
  std::vector<std::string> out;
  const auto* v = find(name);
  if (!v) return out;
  const auto* list = std::get_if<field_list>(&v->value);
  if (!list) missing(path_of(name));
  for (const auto& element : *list) {
    const auto* s = std::get_if<std::string>(&element.value);
    if (!s) missing(path_of(name));
    out.push_back(*s);
  }
  return out;
}

error field_reader::invalid(std::string_view name, errc code, std::string message,
                            std::vector<std::pair<std::string, std::string>> details) const {
  details.insert(details.begin(), {"field", path_of(name)});
  return error(code, std::move(message), std::move(details));
}

}  // namespace samaki::ledger
