#pragma once
// A closed period's seal: the chain head at closing, shown so a group can copy it into its paper minute
// book. The code is 12 characters of Crockford base-32 over the head's first 60 bits; the words are six
// plain words, each of the first six bytes of the head picking one of a fixed list of 256.
#include "ledger/journal/hash_chain.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samaki::ledger {

inline constexpr std::size_t seal_word_count = 6;

// The 12-character seal code of a chain head.
std::string seal_code(const digest& head);

// The words of a chain head given as 64 hex characters; nothing when the head is not hex.
std::optional<std::array<std::string_view, seal_word_count>> seal_words(std::string_view head_hex);

// The same in Khmer: six words of the Khmer list (seal_words_km.cpp), at the same positions.
std::optional<std::array<std::string_view, seal_word_count>> seal_words_km(std::string_view head_hex);

// The fixed lists, for tests: 256 distinct lower-case English words; 256 Khmer words.
const std::array<std::string_view, 256>& seal_word_list();
const std::array<std::string_view, 256>& seal_word_list_km();

// A seal as a person copies it from a minute book and types it back: the 12-character code (any case,
// dashes or spaces, O for 0 and I or L for 1, as Crockford's reading rules allow) or the six words of either
// list, separated by spaces or dashes. It matches a chain head whose code or first six bytes it names.
class seal_check {
 public:
  // Nothing when the text is neither a code nor six known words.
  static std::optional<seal_check> parse(std::string_view typed);
  bool matches(const digest& head) const;

 private:
  std::string code_;                                                // a code, or empty
  std::optional<std::array<std::uint8_t, seal_word_count>> bytes_;  // six words, as the bytes they name
};

}  // namespace samaki::ledger
