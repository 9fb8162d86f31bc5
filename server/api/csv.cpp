#include "server/api/csv.hpp"

#include <algorithm>

namespace samaki::server {
namespace {

// The service's own decimal numbers: -?digits(.digits)?
bool is_plain_number(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  const auto point = text.find('.');
  const auto digits = [](std::string_view s) {
    return !s.empty() && std::ranges::all_of(s, [](char c) { return c >= '0' && c <= '9'; });
  };
  if (point == std::string_view::npos) return digits(text);
  return digits(text.substr(0, point)) && digits(text.substr(point + 1));
}

// What spreadsheets start a formula with (OWASP, "CSV Injection").
bool reads_as_formula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

}  // namespace

csv_cell csv_cell::number(std::string_view digits) {
  return {digits, is_plain_number(digits)};
}

std::string csv_cell::field() const {
  if (!numeric_ && reads_as_formula(value_)) return csv_field("'" + value_);
  return csv_field(value_);
}

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
void csv_writer::append_row(const Range& cells) {
  bool first = true;
  for (const auto& cell : cells) {
    if (!first) text_ += ',';
    text_ += cell.field();
    first = false;
  }
  text_ += "\r\n";
}

void csv_writer::row(std::initializer_list<csv_cell> cells) {
  append_row(cells);
}

void csv_writer::row(const std::vector<csv_cell>& cells) {
  append_row(cells);
}

}  // namespace samaki::server
