#pragma once
// A closed period's seal as six plain English words, easier to read aloud and copy into a paper minute
// book than hex: each of the first six bytes of the chain head picks one word of a fixed list of 256.
#include <array>
#include <optional>
#include <string_view>

namespace samaki::ledger {

inline constexpr std::size_t seal_word_count = 6;

// The words of a chain head given as 64 hex characters; nothing when the head is not hex.
std::optional<std::array<std::string_view, seal_word_count>> seal_words(std::string_view head_hex);

// The fixed list, for tests: 256 distinct lower-case words.
const std::array<std::string_view, 256>& seal_word_list();

}  // namespace samaki::ledger
