#pragma once
// The fields of an operation request, without JSON: each operation type describes its fields once
// (field_spec), the HTTP edge reads a request body against that description into a field_map (types,
// required fields and unknown fields checked there, errors naming the field's path), and the operation
// reads the map with typed getters. The same descriptions are served by GET .../operation-types, from
// which the web UI builds its forms; their labels in English and Khmer are in vocabulary.cpp.
#include "ledger/date.hpp"
#include "ledger/error.hpp"
#include "ledger/journal/hash_chain.hpp"
#include "ledger/money.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace samaki::ledger {

enum class field_type {
  text,     // a JSON string
  amount,   // money as a decimal string in major units, read by the currency the operation decides
  integer,  // a JSON integer
  boolean,  // true or false
  date,     // YYYY-MM-DD
  id,       // a positive integer naming a member, a loan, ...
  choice,   // one of `choices`
  object,   // an object with `fields`
  list,     // an array whose elements are all like `fields[0]`
};
std::string_view field_type_name(field_type type);

struct field_spec {
  std::string_view name;
  field_type type = field_type::text;
  bool required = false;
  std::vector<std::string_view> choices = {};
  std::vector<field_spec> fields = {};
  // What an id, a text or an amount refers to, for forms: "member", "loan", "account", "fine", ...
  std::string_view refers_to = {};
};

struct field_value;
using field_list = std::vector<field_value>;
using field_map = std::map<std::string, field_value, std::less<>>;

struct field_value {
  std::variant<std::monostate, std::string, std::int64_t, bool, field_map, field_list> value;
};

// A canonical hash of a map (keys sorted, every value typed and length-prefixed): the same request
// hashes the same whatever the order of its JSON keys.
void fingerprint_fields(const field_map& fields, std::string& out);

// Typed reads of one object of a request, each error naming the field's path ("members[2].shares").
// The edge has already checked types and required fields against the spec, so a required field a
// getter cannot find is a broken invariant (it throws).
class field_reader {
 public:
  field_reader(const field_map& fields, std::string path) : fields_(&fields), path_(std::move(path)) {}

  bool has(std::string_view name) const;
  std::string path_of(std::string_view name) const;
  const std::string& path() const { return path_; }

  std::string text(std::string_view name) const;
  std::optional<std::string> optional_text(std::string_view name) const;
  std::int64_t integer(std::string_view name) const;
  std::optional<std::int64_t> optional_integer(std::string_view name) const;
  bool flag(std::string_view name, bool when_absent) const;
  template <class Id>
  Id id(std::string_view name) const {
    return Id{integer(name)};
  }
  template <class Id>
  std::optional<Id> optional_id(std::string_view name) const {
    auto v = optional_integer(name);
    return v ? std::optional<Id>(Id{*v}) : std::nullopt;
  }
  result<money> amount(std::string_view name, iso_currency currency) const;
  result<std::optional<money>> optional_amount(std::string_view name, iso_currency currency) const;
  result<calendar_date> date(std::string_view name) const;
  result<std::optional<calendar_date>> optional_date(std::string_view name) const;
  std::optional<field_reader> object(std::string_view name) const;
  std::vector<field_reader> objects(std::string_view name) const;  // a list of objects; empty when absent
  std::vector<std::string> texts(std::string_view name) const;     // a list of strings; empty when absent

  // An error about one field, with its path in the details, e.g. {"field": "members[2].shares"}.
  error invalid(std::string_view name, errc code, std::string message,
                std::vector<std::pair<std::string, std::string>> details = {}) const;

 private:
  const field_value* find(std::string_view name) const;
  const field_map* fields_;
  std::string path_;
};

}  // namespace samaki::ledger
