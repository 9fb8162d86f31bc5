#include "ledger/seal.hpp"

#include "ledger/journal/hash_chain.hpp"

#include <cctype>
#include <vector>

namespace samaki::ledger {
namespace {

// Short, concrete, distinct English words; the order is part of the seal format and must never change.
constexpr std::array<std::string_view, 256> words = {
    "acorn",  "anchor",  "apple",    "apron",   "arrow",  "autumn", "axe",     "baby",   "bag",     "baker",
    "ball",   "bamboo",  "banana",   "band",    "bank",   "barn",   "basket",  "bath",   "beach",   "bean",
    "bear",   "bed",     "bee",      "bell",    "belt",   "bench",  "berry",   "bike",   "bird",    "blanket",
    "boat",   "bone",    "book",     "boot",    "bottle", "bowl",   "box",     "boy",    "bread",   "brick",
    "bridge", "broom",   "brush",    "bucket",  "bull",   "bus",    "butter",  "button", "cabin",   "cake",
    "camel",  "candle",  "canoe",    "cap",     "car",    "card",   "carrot",  "cart",   "cat",     "cave",
    "chain",  "chair",   "chalk",    "cheese",  "cherry", "chest",  "chicken", "child",  "circle",  "city",
    "clock",  "cloud",   "coat",     "coconut", "coffee", "coin",   "comb",    "cook",   "corn",    "cotton",
    "cow",    "crab",    "crow",     "cup",     "daisy",  "dance",  "desk",    "dog",    "doll",    "donkey",
    "door",   "drum",    "duck",     "eagle",   "ear",    "earth",  "egg",     "elbow",  "eye",     "fan",
    "farm",   "feather", "fence",    "field",   "finger", "fire",   "fish",    "flag",   "flower",  "flute",
    "fog",    "foot",    "forest",   "fork",    "fox",    "frog",   "fruit",   "garden", "gate",    "gift",
    "girl",   "glass",   "glove",    "goat",    "gold",   "grape",  "grass",   "hammer", "hand",    "hat",
    "hawk",   "heart",   "hill",     "honey",   "hook",   "horn",   "horse",   "house",  "island",  "jacket",
    "jar",    "jungle",  "kettle",   "key",     "kite",   "kitten", "knee",    "knife",  "ladder",  "lake",
    "lamp",   "leaf",    "lemon",    "letter",  "lion",   "lizard", "lock",    "lotus",  "mango",   "map",
    "market", "melon",   "milk",     "mirror",  "monkey", "moon",   "mouse",   "mouth",  "mud",     "nail",
    "needle", "nest",    "net",      "nose",    "nut",    "ocean",  "onion",   "orange", "owl",     "paint",
    "palm",   "pan",     "paper",    "parrot",  "peach",  "pearl",  "pencil",  "pepper", "pig",     "pillow",
    "pine",   "pipe",    "plate",    "plum",    "pocket", "pond",   "potato",  "pot",    "pumpkin", "rabbit",
    "radio",  "rain",    "river",    "road",    "rock",   "roof",   "rope",    "rose",   "salt",    "sand",
    "shell",  "ship",    "shirt",    "shoe",    "silver", "sky",    "snail",   "snake",  "soap",    "sock",
    "spoon",  "star",    "stone",    "storm",   "sugar",  "sun",    "swan",    "table",  "tail",    "teapot",
    "tent",   "tiger",   "toast",    "tomato",  "tooth",  "tower",  "town",    "toy",    "train",   "tree",
    "truck",  "turtle",  "umbrella", "valley",  "wagon",  "wall",   "watch",   "water",  "whale",   "wheat",
    "wheel",  "window",  "wing",     "winter",  "wolf",   "zebra",
};

}  // namespace

std::string seal_code(const digest& head) {
  // Crockford's alphabet: no I, L, O or U, so a code copied by hand into minutes reads back unambiguously.
  static constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) bits = (bits << 8) | head[static_cast<std::size_t>(i)];
  std::string code;
  for (int i = 0; i < 12; ++i) code += alphabet[(bits >> (64 - 5 * (i + 1))) & 31];
  return code;
}

std::optional<std::array<std::string_view, seal_word_count>> seal_words(std::string_view head_hex) {
  ledger::digest head{};
  if (!ledger::from_hex(head_hex, head)) return std::nullopt;
  std::array<std::string_view, seal_word_count> out{};
  for (std::size_t i = 0; i < seal_word_count; ++i) out[i] = words[head[i]];
  return out;
}

const std::array<std::string_view, 256>& seal_word_list() {
  return words;
}

std::optional<std::array<std::string_view, seal_word_count>> seal_words_km(std::string_view head_hex) {
  ledger::digest head{};
  if (!ledger::from_hex(head_hex, head)) return std::nullopt;
  std::array<std::string_view, seal_word_count> out{};
  for (std::size_t i = 0; i < seal_word_count; ++i) out[i] = seal_word_list_km()[head[i]];
  return out;
}

namespace {

std::vector<std::string> split_words(std::string_view typed) {
  std::vector<std::string> out;
  std::string word;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '+' || c == '\t') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// The byte a word of either list stands for.
std::optional<std::uint8_t> byte_of(std::string_view word) {
  for (const auto* list : {&seal_word_list(), &seal_word_list_km()})
    for (std::size_t i = 0; i < list->size(); ++i)
      if ((*list)[i] == word) return static_cast<std::uint8_t>(i);
  return std::nullopt;
}

}  // namespace

std::optional<seal_check> seal_check::parse(std::string_view typed) {
  seal_check out;
  auto words_typed = split_words(typed);
  if (words_typed.size() == seal_word_count) {
    std::array<std::uint8_t, seal_word_count> bytes{};
    bool all_known = true;
    for (std::size_t i = 0; i < seal_word_count && all_known; ++i) {
      auto b = byte_of(words_typed[i]);
      if (b) bytes[i] = *b;
      all_known = b.has_value();
    }
    if (all_known) {
      out.bytes_ = bytes;
      return out;
    }
  }
  for (char c : typed) {
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper == '-' || upper == ' ') continue;
    out.code_ += upper == 'O' ? '0' : (upper == 'I' || upper == 'L') ? '1' : upper;
  }
  if (out.code_.size() != 12) return std::nullopt;
  return out;
}

bool seal_check::matches(const digest& head) const {
  if (bytes_) {
    for (std::size_t i = 0; i < seal_word_count; ++i)
      if (head[i] != (*bytes_)[i]) return false;
    return true;
  }
  return seal_code(head) == code_;
}

}  // namespace samaki::ledger
