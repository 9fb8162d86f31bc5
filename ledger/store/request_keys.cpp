#include "ledger/store/request_keys.hpp"

#include "ledger/store/write_context.hpp"

namespace samaki::ledger {

std::optional<used_key> find_used_key(write_context& ctx, group_id group, std::string_view key) {
  {
    auto s = ctx.db().prepare(
        "SELECT request_hash, entry_id FROM idempotency_keys WHERE group_id = ? AND key = ?");
    s->bind(1, group.value).bind(2, key);
    if (s->step())
      return used_key{digest_from_bytes(s->column_blob(0)), entry_id{s->column_int(1)}, std::nullopt};
  }
  auto s =
      ctx.db().prepare("SELECT request_hash, id FROM operations WHERE group_id = ? AND idempotency_key = ?");
  s->bind(1, group.value).bind(2, key);
  if (s->step())
    return used_key{digest_from_bytes(s->column_blob(0)), std::nullopt, operation_id{s->column_int(1)}};
  return std::nullopt;
}

void remember_entry_key(write_context& ctx, group_id group, std::string_view key, const digest& request_hash,
                        entry_id entry) {
  auto s = ctx.db().prepare(
      "INSERT INTO idempotency_keys (group_id, key, request_hash, entry_id) VALUES (?, ?, ?, ?)");
  s->bind(1, group.value).bind(2, key).bind_blob(3, request_hash).bind(4, entry.value);
  s->run();
}

}  // namespace samaki::ledger
