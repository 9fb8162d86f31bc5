#pragma once
// Strong ids: a group_id cannot be passed where a member_id is meant.
#include <compare>
#include <cstdint>
#include <functional>

namespace samaki::ledger {

template <class Tag>
struct tagged_id {
  std::int64_t value = 0;

  constexpr tagged_id() = default;
  constexpr explicit tagged_id(std::int64_t v) : value(v) {}
  constexpr explicit operator bool() const { return value != 0; }
  friend constexpr auto operator<=>(tagged_id, tagged_id) = default;
};

using group_id = tagged_id<struct group_tag>;
using member_id = tagged_id<struct member_tag>;
using account_id = tagged_id<struct account_tag>;
using entry_id = tagged_id<struct entry_tag>;
using user_id = tagged_id<struct user_tag>;
using operation_id = tagged_id<struct operation_tag>;
using period_id = tagged_id<struct period_tag>;
using cycle_id = tagged_id<struct cycle_tag>;
using loan_id = tagged_id<struct loan_tag>;

}  // namespace samaki::ledger

template <class Tag>
struct std::hash<samaki::ledger::tagged_id<Tag>> {
  std::size_t operator()(samaki::ledger::tagged_id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
