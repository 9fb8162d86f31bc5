#include "ledger/seal_words.hpp"

#include "ledger/hash_chain.hpp"

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

}  // namespace samaki::ledger
