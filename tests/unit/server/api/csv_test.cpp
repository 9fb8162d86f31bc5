// The CSV writer: RFC 4180 quoting, and text cells that would read as formulas neutralised while
// numbers stay numbers.
#include "server/api/csv.hpp"

#include <catch2/catch.hpp>

using samaki::server::csv_cell;
using samaki::server::csv_field;
using samaki::server::csv_writer;

TEST_CASE("csv fields are quoted only when they must be", "[server][csv]") {
  CHECK(csv_field("Cash box") == "Cash box");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field(" padded") == "\" padded\"");
  CHECK(csv_field("") == "");
  csv_writer csv;
  csv.row({"a", "b,c"});
  csv.row(std::vector<csv_cell>{csv_cell::number("1"), ""});
  CHECK(csv.take() == "a,\"b,c\"\r\n1,\r\n");
}

TEST_CASE("text that a spreadsheet would run as a formula gets a leading quote", "[server][csv]") {
  // OWASP's list: =, +, -, @, tab and carriage return at the start of a cell.
  CHECK(csv_cell("=HYPERLINK(\"http://evil\",\"x\")").field() ==
        "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
  CHECK(csv_cell("+855 12 345 678").field() == "'+855 12 345 678");
  CHECK(csv_cell("-2+3").field() == "'-2+3");
  CHECK(csv_cell("@SUM(A1:A9)").field() == "'@SUM(A1:A9)");
  CHECK(csv_cell("\t=1").field() == "'\t=1");
  CHECK(csv_cell("\r=1").field() == "\"'\r=1\"");
  CHECK(csv_cell("=1,2").field() == "\"'=1,2\"");
  // Only the first character matters.
  CHECK(csv_cell("Rice = 2 bags").field() == "Rice = 2 bags");
  CHECK(csv_cell("").field() == "");
  // Text is text even when it looks like a number: a memo "-300" is someone's words.
  CHECK(csv_cell("-300").field() == "'-300");
}

TEST_CASE("numbers are written as they are, even negative ones, and anything else given as one is text",
          "[server][csv]") {
  CHECK(csv_cell::number("-300").field() == "-300");
  CHECK(csv_cell::number("-12.50").field() == "-12.50");
  CHECK(csv_cell::number("5000").field() == "5000");
  CHECK(csv_cell::number("").field() == "");
  CHECK(csv_cell::number("-1+1").field() == "'-1+1");
  CHECK(csv_cell::number("=1").field() == "'=1");
  CHECK(csv_cell::number("-").field() == "'-");
  CHECK(csv_cell::number("1.").field() == "1.");
  csv_writer csv;
  csv.row({"=cmd|' /C calc'!A0", csv_cell::number("-300"), "-300"});
  CHECK(csv.take() == "'=cmd|' /C calc'!A0,-300,'-300\r\n");
}
