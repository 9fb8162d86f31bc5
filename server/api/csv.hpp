#pragma once
// CSV as RFC 4180 describes it: CRLF after each row, and a field quoted (its quotes doubled) whenever it
// holds a comma, a quote, a line break or leading/trailing space, so any text reads back unchanged.
// Cells are text unless made with csv_cell::number: a text cell that a spreadsheet would take for a
// formula (it starts with =, +, -, @, a tab or a carriage return) gets a leading single quote (OWASP's
// advice against CSV injection), while a number such as "-300" stays a number.
#include <concepts>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::server {

class csv_cell {
 public:
  // Text: names, memos, codes, dates — anything a person or a client typed.
  template <class Text>
  requires std::convertible_to<const Text&, std::string_view> csv_cell(const Text& text)
      : value_(std::string_view(text)) {}  // NOLINT: text is the safe default

  // An amount or id as the service wrote it (an optional '-', digits, an optional fraction). Anything
  // else given as a number is treated as text, so a mistake can never let a formula through.
  static csv_cell number(std::string_view digits);

  // The cell as it goes into a row: neutralised if text, then quoted if it must be.
  std::string field() const;

 private:
  csv_cell(std::string_view value, bool numeric) : value_(value), numeric_(numeric) {}
  std::string value_;
  bool numeric_ = false;
};

// One field, quoted if it must be, with no neutralising: what csv_cell::field() quotes with.
std::string csv_field(std::string_view text);

class csv_writer {
 public:
  void row(std::initializer_list<csv_cell> cells);
  void row(const std::vector<csv_cell>& cells);
  std::string take() { return std::move(text_); }

 private:
  template <class Range>
  void append_row(const Range& cells);
  std::string text_;
};

inline constexpr std::string_view csv_content_type = "text/csv; charset=utf-8";

}  // namespace samaki::server
