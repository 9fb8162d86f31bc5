#pragma once
// The rows of operations: the record of each (request as sent, answer as given, who and when, what it
// reverses), and which entries it made in which order.
#include "ledger/operations/operation.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

class write_context;

// The id the next operation will get. Rows are written only once an operation has been planned, and the
// writer is the only one, so until it commits or rolls back the id is that operation's own.
operation_id next_free_operation_id(write_context& ctx);
operation_id insert_operation(write_context& ctx, const operation_record& record,
                              const std::string& idempotency_key, const digest& request_hash);
void link_operation_entry(write_context& ctx, operation_id operation, entry_id entry, int position);
void set_operation_response(write_context& ctx, operation_id operation, const std::string& response);

// The operation with its entries, or nullopt.
std::optional<operation_record> load_operation(sqlite::connection& db, operation_id id);

struct operation_filter {
  group_id group;
  std::optional<std::string> type;
  std::optional<calendar_date> from, to;
  std::optional<member_id> member;  // operations with a line naming the member
  std::int64_t after_id = 0;        // cursor
  std::size_t limit = 100;
};
// Whether an operation of the group still in force was recorded after `after` (reversals aside).
bool later_live_operation(sqlite::connection& db, group_id group, operation_id after);

// Oldest first, each with its entries.
std::vector<operation_record> list_operations(sqlite::connection& db, const operation_filter& filter);

}  // namespace samaki::ledger
