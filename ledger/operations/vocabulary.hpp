#pragma once
// The words of operations (and of the few report lines that are no account) in English and Khmer: the names
// of operation types and of their fields, as GET .../operation-types serves them and the web UI shows them.
// All of them live in vocabulary.cpp, in one table each, so a Khmer reader can review and correct them
// without reading code.
#include <string_view>

namespace samaki::ledger {

struct term {
  std::string_view en;
  std::string_view km;
};

// The label of an operation type or of a field; the name itself when the table has none.
term operation_label(std::string_view type);
term field_label(std::string_view field);
// The label of a report line that is no account, e.g. "current_result" on the balance sheet.
term report_label(std::string_view line);

}  // namespace samaki::ledger
