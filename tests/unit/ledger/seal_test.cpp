// The seal words in Khmer (khmer.md, "Seals"): 256 words of Khmer script, valid UTF-8, none differing from
// another only by a subscript (coeng + consonant) or a vowel sign or other mark; and a seal typed back as the
// code or as six words of either list.
#include "ledger/seal.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace samaki::ledger;

namespace {

// Code points of UTF-8 text; throws on anything that is not well-formed UTF-8.
std::u32string decoded(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    int length = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
    if (length == 0 || i + static_cast<std::size_t>(length) > text.size())
      throw std::runtime_error("bad UTF-8");
    char32_t c = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      if ((next >> 6) != 2) throw std::runtime_error("bad UTF-8");
      c = (c << 6) | (next & 0x3F);
    }
    // No overlong forms: each length has its smallest code point.
    const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < smallest[length]) throw std::runtime_error("overlong UTF-8");
    out += c;
    i += static_cast<std::size_t>(length);
  }
  return out;
}

// What is left of a word when subscripts (coeng U+17D2 and the consonant after it), dependent vowel signs
// (U+17B6-U+17C5) and the other marks (U+17B4-U+17B5, U+17C6-U+17D3, U+17DD) are taken away: the letters a
// reader sees on the line.
std::u32string skeleton(const std::u32string& word) {
  std::u32string out;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = word[i];
    if (c == 0x17D2) {
      ++i;
      continue;
    }
    if ((c >= 0x17B4 && c <= 0x17D3) || c == 0x17DD) continue;
    out += c;
  }
  return out;
}

}  // namespace

TEST_CASE(
    "the Khmer seal words: 256 distinct words of Khmer letters, none a subscript or vowel away from another",
    "[seal]") {
  const auto& list = seal_word_list_km();
  std::set<std::u32string> words, skeletons;
  for (std::size_t i = 0; i < list.size(); ++i) {
    INFO("word " << i << ": " << list[i]);
    auto word = decoded(list[i]);
    REQUIRE_FALSE(word.empty());
    CHECK(word.size() <= 12);  // short
    // Khmer letters and marks only, starting with a letter (a consonant or an independent vowel).
    CHECK(word.front() >= 0x1780);
    CHECK(word.front() <= 0x17B3);
    for (auto c : word) CHECK((c >= 0x1780 && c <= 0x17DD));
    CHECK(words.insert(word).second);
    auto bare = skeleton(word);
    CHECK_FALSE(bare.empty());
    CHECK(skeletons.insert(bare).second);
  }
  CHECK(words.size() == 256);
  CHECK(skeletons.size() == 256);
}

TEST_CASE("a seal typed back: the code in any case with dashes, or six words of either list", "[seal]") {
  digest head{};
  for (std::size_t i = 0; i < head.size(); ++i) head[i] = static_cast<std::uint8_t>(i * 37 + 11);
  const auto code = seal_code(head);
  const auto hex = to_hex(head);
  const auto en = *seal_words(hex);
  const auto km = *seal_words_km(hex);
  std::string english, khmer, mixed;
  for (std::size_t i = 0; i < seal_word_count; ++i) {
    english += std::string(en[i]) + (i + 1 < seal_word_count ? " " : "");
    khmer += std::string(km[i]) + (i + 1 < seal_word_count ? "-" : "");
    mixed += std::string(i % 2 ? km[i] : en[i]) + " ";
  }
  std::string lower_dashed;
  for (std::size_t i = 0; i < code.size(); ++i)
    lower_dashed += std::string(i && i % 4 == 0 ? "-" : "") + static_cast<char>(std::tolower(code[i]));
  for (const auto& typed : {code, lower_dashed, english, khmer, mixed}) {
    INFO(typed);
    auto check = seal_check::parse(typed);
    REQUIRE(check);
    CHECK(check->matches(head));
  }
  auto other = head;
  other[3] ^= 1;
  CHECK_FALSE(seal_check::parse(english)->matches(other));
  CHECK_FALSE(seal_check::parse(khmer)->matches(other));
  CHECK_FALSE(seal_check::parse("not a seal at all"));
  CHECK_FALSE(seal_check::parse(""));
  CHECK_FALSE(seal_check::parse("apple apple apple apple apple"));  // five words, and not 12 characters
}
