#pragma once
// CSV as RFC 4180 describes it: CRLF after each row, and a field quoted (its quotes doubled) whenever it
// holds a comma, a quote, a line break or leading/trailing space, so any text reads back unchanged.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::server {

// One field as it goes into a row.
std::string csv_field(std::string_view text);

class csv_writer {
 public:
  void row(std::initializer_list<std::string_view> fields);
  void row(const std::vector<std::string>& fields);
  std::string take() { return std::move(text_); }

 private:
  template <class Range>
  void append_row(const Range& fields);
  std::string text_;
};

inline constexpr std::string_view csv_content_type = "text/csv; charset=utf-8";

}  // namespace samaki::server
