#include "ledger/operations/seal_outcome.hpp"

#include "ledger/seal.hpp"

namespace samaki::ledger {

field_map seal_fields(const period_info& period) {
  field_list words, words_km;
  if (auto w = seal_words(period.head))
    for (auto word : *w) words.push_back(field_value{std::string(word)});
  if (auto w = seal_words_km(period.head))
    for (auto word : *w) words_km.push_back(field_value{std::string(word)});
  return {{"head", field_value{period.head}},
          {"code", field_value{period.seal_code}},
          {"words", field_value{std::move(words)}},
          {"words_km", field_value{std::move(words_km)}}};
}

}  // namespace samaki::ledger
