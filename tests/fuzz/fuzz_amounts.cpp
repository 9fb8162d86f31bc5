// libFuzzer target: money and decimal text as clients send it. The first byte picks the currency, the rest
// is the text. An amount that parses must format back to text that parses to the same minor units; a
// percent, quantity or rate either parses or is refused, never anything else.
#include "ledger/decimal.hpp"
#include "ledger/money.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace samaki::ledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view codes[] = {"KHR", "USD", "THB", "VND"};
  const auto currency = *find_currency(codes[data[0] % 4]);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  if (auto minor = parse_amount(text, currency)) {
    const auto canonical = format_amount(*minor, currency);
    auto again = parse_amount(canonical, currency);
    if (!again || *again != *minor) std::abort();
    // Checked sums and differences never wrap.
    (void)checked_add(*minor, *minor);
    (void)checked_sub(0, *minor);
  }
  if (auto m = money::parse(text, iso_currency::find(codes[data[0] % 4]).value())) {
    if (m->minor() != parse_amount(text, currency).value()) std::abort();
  }
  (void)percent::parse(text);
  (void)quantity::parse(text);
  (void)exchange_rate::parse(text);
  return 0;
}
