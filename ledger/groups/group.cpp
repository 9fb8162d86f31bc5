#include "ledger/groups/group.hpp"

namespace samaki::ledger {
namespace {

// "family given", either left out when empty (a name of one word is common).
std::string joined(std::string family, const std::string& given) {
  if (family.empty()) return given;
  return given.empty() ? family : family + " " + given;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(' ') - first + 1));
}

}  // namespace

std::string latin_whole_name(const name_parts& parts) {
  auto family = trimmed(parts.family);
  for (auto& c : family)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return joined(std::move(family), trimmed(parts.given));
}

std::string khmer_whole_name(const name_parts& parts) {
  return joined(trimmed(parts.family_km), trimmed(parts.given_km));
}

std::string_view period_kind_name(period_kind kind) {
  switch (kind) {
    case period_kind::month: return "month";
    case period_kind::year: return "year";
    case period_kind::cycle: return "cycle";
  }
  return "month";
}

std::optional<period_kind> parse_period_kind(std::string_view text) {
  for (auto kind : {period_kind::month, period_kind::year, period_kind::cycle})
    if (period_kind_name(kind) == text) return kind;
  return std::nullopt;
}

}  // namespace samaki::ledger
