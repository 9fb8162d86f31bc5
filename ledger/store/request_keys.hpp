#pragma once
// Idempotency-Keys, scoped per group: one namespace for raw postings and operations, so a key used for
// one cannot be reused for the other.
#include "ledger/ids.hpp"
#include "ledger/journal/hash_chain.hpp"

#include <optional>
#include <string_view>

namespace samaki::ledger {

class write_context;

// What a key was first used for: the hash of that request, and the entry or the operation it made.
struct used_key {
  digest request_hash{};
  std::optional<entry_id> entry;
  std::optional<operation_id> operation;
};

std::optional<used_key> find_used_key(write_context& ctx, group_id group, std::string_view key);
// Keys of raw postings and entry reversals; an operation's key is kept on the operation itself.
void remember_entry_key(write_context& ctx, group_id group, std::string_view key, const digest& request_hash,
                        entry_id entry);

}  // namespace samaki::ledger
