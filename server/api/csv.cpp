#include "server/api/csv.hpp"

namespace samaki::server {

std::string csv_field(std::string_view text) {
  const bool padded = !text.empty() && (text.front() == ' ' || text.back() == ' ');
  if (!padded && text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

template <class Range>
void csv_writer::append_row(const Range& fields) {
  bool first = true;
  for (const auto& f : fields) {
    if (!first) text_ += ',';
    text_ += csv_field(f);
    first = false;
  }
  text_ += "\r\n";
}

void csv_writer::row(std::initializer_list<std::string_view> fields) {
  append_row(fields);
}

void csv_writer::row(const std::vector<std::string>& fields) {
  append_row(fields);
}

}  // namespace samaki::server
