#pragma once
// A closed period's seal: the chain head at closing, shown so a group can copy it into its paper minute
// book. The code is 12 characters of Crockford base-32 over the head's first 60 bits; the words are six
// plain words, each of the first six bytes of the head picking one of a fixed list of 256.
#include "ledger/journal/hash_chain.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace samaki::ledger {

inline constexpr std::size_t seal_word_count = 6;

// The 12-character seal code of a chain head.
std::string seal_code(const digest& head);

// The words of a chain head given as 64 hex characters; nothing when the head is not hex.
std::optional<std::array<std::string_view, seal_word_count>> seal_words(std::string_view head_hex);

// The fixed list, for tests: 256 distinct lower-case words.
const std::array<std::string_view, 256>& seal_word_list();

}  // namespace samaki::ledger
