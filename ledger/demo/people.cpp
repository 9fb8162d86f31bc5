#include "ledger/demo/people.hpp"

#include <set>
#include <utility>

namespace samaki::ledger::demo {
namespace {

using name_pair = std::pair<const char*, const char*>;  // romanised, Khmer

constexpr name_pair family_names[] = {
    {"Chan", "ចាន់"},  {"Kim", "គីម"},   {"Sok", "សុខ"},   {"Heng", "ហេង"}, {"Keo", "កែវ"},   {"Lim", "លឹម"},
    {"Chea", "ជា"},   {"Ros", "រស់"},   {"Meas", "មាស"}, {"Nhem", "ញឹម"},  {"Prak", "ប្រាក់"}, {"Pich", "ពេជ្រ"},
    {"Ouk", "អ៊ុក"},    {"Seng", "សេង"}, {"Touch", "ទូច"}, {"Yim", "យឹម"},   {"Mao", "ម៉ៅ"},    {"Phan", "ផាន"},
    {"Khiev", "ខៀវ"}, {"Sam", "សំ"},    {"Chhim", "ឈឹម"}, {"Tep", "ទេព"},  {"Nov", "នូវ"},    {"Long", "ឡុង"},
};

constexpr name_pair women[] = {
    {"Sokha", "សុខា"},    {"Sreymom", "ស្រីមុំ"},     {"Bopha", "បុប្ផា"},     {"Dara", "ដារា"},
    {"Chenda", "ចិន្ដា"},  {"Sophea", "សុភា"},      {"Sreyleak", "ស្រីល័ក្ខ"}, {"Chantha", "ចន្ថា"},
    {"Phalla", "ផល្លា"},  {"Kunthea", "គន្ធា"},    {"Thida", "ធីតា"},      {"Malis", "ម្លិះ"},
    {"Rachana", "រចនា"}, {"Navy", "ណាវី"},        {"Sreypov", "ស្រីពៅ"},   {"Sopheap", "សុភាព"},
    {"Vanny", "វណ្ណី"},    {"Sokunthea", "សុគន្ធា"}, {"Leakhena", "លក្ខិណា"}, {"Channa", "ចន្ទណា"},
};

constexpr name_pair men[] = {
    {"Vanna", "វណ្ណា"},      {"Rith", "ឫទ្ធិ"},    {"Piseth", "ពិសិដ្ឋ"}, {"Vuthy", "វុទ្ធី"},
    {"Sambath", "សម្បត្តិ"},   {"Sokhom", "សុខុម"},  {"Chhay", "ឆាយ"},   {"Narith", "ណារិទ្ធ"},
    {"Sovann", "សុវណ្ណ"},     {"Kosal", "កុសល"},   {"Makara", "មករា"}, {"Samnang", "សំណាង"},
    {"Veasna", "វាសនា"},    {"Vichea", "វិជ្ជា"}, {"Sothea", "សុធា"},  {"Pheakdey", "ភក្ដី"},
    {"Bunthoeun", "ប៊ុនធឿន"}, {"Sophal", "សុផល"},  {"Ratha", "រដ្ឋា"},  {"Chamroeun", "ចំរើន"},
};

}  // namespace

std::vector<person> villagers(int count, int women_percent, std::uint32_t seed) {
  dice d(seed);
  std::vector<person> out;
  std::set<std::string> taken;
  while (static_cast<int>(out.size()) < count) {
    const bool woman = d.chance(women_percent);
    const auto& family = family_names[d.below(static_cast<int>(std::size(family_names)))];
    const auto& given = woman ? women[d.below(static_cast<int>(std::size(women)))]
                              : men[d.below(static_cast<int>(std::size(men)))];
    std::string name = std::string(family.first) + " " + given.first;
    if (!taken.insert(name).second) continue;
    out.push_back({name, std::string(family.second) + " " + given.second, woman ? "female" : "male"});
  }
  return out;
}

}  // namespace samaki::ledger::demo
