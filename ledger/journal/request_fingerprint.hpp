#pragma once
// The hash an Idempotency-Key is bound to: every field of a request, each length-prefixed, so no value
// can imitate another field or a missing one. The same request under the same key hashes the same;
// anything that changes what would be written changes it.
#include "ledger/journal/hash_chain.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samaki::ledger {

class request_fingerprint {
 public:
  explicit request_fingerprint(std::string_view kind) { field(kind); }
  request_fingerprint& field(std::string_view value) {
    text_ += std::to_string(value.size());
    text_ += ':';
    text_ += value;
    return *this;
  }
  request_fingerprint& field(std::int64_t value) { return field(std::to_string(value)); }
  template <class T>
  request_fingerprint& optional(const std::optional<T>& value) {
    if (!value) return field("none");
    field("some");
    if constexpr (std::is_convertible_v<const T&, std::string_view> || std::is_integral_v<T>)
      return field(*value);
    else
      return field(value->to_string());
  }
  digest hash() const { return sha256(text_); }

 private:
  std::string text_;
};

}  // namespace samaki::ledger
