#pragma once
// Where JSON meets the ledger: the request body parsed strictly, and fields read with errors that
// name the field (e.g. "lines[2].debit"). Failures of the body are the transport's (api_error); failures of
// a field are ledger errors (bad_request naming the field).
#include "ledger/error.hpp"
#include "server/http/api_error.hpp"
#include "server/http/http_types.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::server {

// True for application/json, with no charset or charset=utf-8.
bool is_json_content_type(std::string_view content_type);

// The body as a JSON object: unsupported_media_type (415) unless Content-Type is JSON,
// invalid_json (400) for bad JSON, bad UTF-8 or a duplicate key, bad_request (400) unless an object.
api_result<boost::json::object> parse_json_body(const http_request& request);

// Reads the fields of one JSON object. The object must outlive the reader. Optional fields that
// are absent or null read as nothing.
class json_fields {
 public:
  explicit json_fields(const boost::json::object& object, std::string path = {});

  ledger::result<std::string> required_string(std::string_view name) const;
  ledger::result<std::optional<std::string>> optional_string(std::string_view name) const;
  ledger::result<std::int64_t> required_int(std::string_view name) const;
  ledger::result<std::optional<std::int64_t>> optional_int(std::string_view name) const;
  // A positive integer: ids are never zero or negative.
  ledger::result<std::int64_t> required_id(std::string_view name) const;
  ledger::result<std::optional<std::int64_t>> optional_id(std::string_view name) const;
  ledger::result<std::optional<bool>> optional_bool(std::string_view name) const;
  // An array of integer ids, e.g. "group_ids"; absent reads as empty.
  ledger::result<std::vector<std::int64_t>> optional_id_array(std::string_view name) const;
  // An array whose elements are all objects, each read with its own path ("lines[0]", ...).
  ledger::result<std::vector<json_fields>> required_object_array(std::string_view name) const;
  ledger::result<std::vector<json_fields>> optional_object_array(std::string_view name) const;
  ledger::result<std::optional<json_fields>> optional_object(std::string_view name) const;

  // bad_request naming the first field not in `allowed`.
  ledger::result<void> only(std::initializer_list<std::string_view> allowed) const;

  // The full name of a field of this object, as errors name it: "lines[2].debit".
  std::string field_path(std::string_view name) const;
  const boost::json::object& object() const { return *object_; }

 private:
  const boost::json::value* find(std::string_view name) const;
  ledger::error wrong_type(std::string_view name, std::string_view expected) const;
  ledger::result<std::vector<json_fields>> object_array(std::string_view name, bool required) const;

  const boost::json::object* object_;
  std::string path_;
};

}  // namespace samaki::server
